/**
 * The withdrawal flow end to end, as on `npm start`: the demo order page in headless Chromium with
 * the built bundle, the demo server's own endpoint writing to a file, and its endpoint that always
 * fails. Needs `npm run build` first (the page loads dist/).
 */
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, withServer } from '../../scripts/browser.mjs';

let browser: Browser;
let file: string;
beforeAll(async () => {
  file = join(mkdtempSync(join(tmpdir(), 'withdrawal-demo-')), 'withdrawals.jsonl');
  process.env.WITHDRAWALS_FILE = file;
  browser = await launchChromium();
}, 30_000);
afterAll(async () => {
  delete process.env.WITHDRAWALS_FILE;
  await browser?.close();
});

/**
 * The element in <policy-withdrawal>'s shadow root that `selector` names, once it is there: polled,
 * since a change inside a shadow root is no mutation of the document that waitForSelector watches.
 */
async function inElement(page: Page, selector: string, timeout = 10_000): Promise<ElementHandle<HTMLElement>> {
  await page.waitForFunction(
    (s) => !!document.querySelector('policy-withdrawal')?.shadowRoot?.querySelector(s),
    { timeout, polling: 50 },
    selector,
  );
  return (await page.evaluateHandle(
    (s) => document.querySelector('policy-withdrawal')!.shadowRoot!.querySelector(s),
    selector,
  )) as ElementHandle<HTMLElement>;
}
const text = async (page: Page, selector: string) =>
  (await inElement(page, selector)).evaluate((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());
const valueOf = async (page: Page, selector: string) =>
  (await inElement(page, selector)).evaluate((el) => (el as HTMLInputElement).value);

/** Opens the order page in English and fills the form with the keyboard, up to the confirmation step. */
async function fillForm(page: Page, origin: string, query = '') {
  await page.goto(`${origin}/demo/order.html?lang=en${query}`);
  // demo/withdrawal.js has given the element this server's endpoint (the test server's port is not 8000).
  await page.waitForFunction(() => !!(document.querySelector('policy-withdrawal') as { policy?: unknown }).policy);
  await (await inElement(page, '[part~="start"]')).click();
  await inElement(page, '#name');
  // The order number comes filled from the page (order="MD-248163").
  expect(await valueOf(page, '#order')).toBe('MD-248163');
  await page.keyboard.type('Claire Martin');
  await (await inElement(page, '#email')).focus();
  await page.keyboard.type('claire@example.com');
  await page.keyboard.press('Enter');
  await inElement(page, '[part~="summary"]');
}

describe('the withdrawal on the demo order page (npm start)', () => {
  it(
    'is acknowledged by the demo endpoint, with the date and time received, and recorded in its file',
    () =>
      withServer(async (origin) => {
        const page = await browser.newPage();
        try {
          await fillForm(page, origin);
          expect(existsSync(file) ? readFileSync(file, 'utf8') : '').toBe('');
          await (await inElement(page, '[part~="confirm"]')).click();
          const result = await text(page, '[part~="result"]');
          expect(result).toContain('We have received your withdrawal');
          expect(result).toMatch(/\d{4}/);
          expect(result).toContain('claire@example.com');
          const [line, ...more] = readFileSync(file, 'utf8').trim().split('\n');
          expect(more).toEqual([]);
          const record = JSON.parse(line!) as Record<string, string>;
          expect(record).toMatchObject({ name: 'Claire Martin', order: 'MD-248163', email: 'claire@example.com' });
          expect(record.lang).toMatch(/^en/);
          expect(result).toContain(record.id);
          const shown = await (
            await inElement(page, '[part~="result"] time')
          ).evaluate((t) => t.getAttribute('datetime'));
          expect(shown).toBe(record.receivedAt);
        } finally {
          await page.close();
        }
      }),
    60_000,
  );

  it(
    'keeps everything typed when the endpoint fails, and offers the e-mail address',
    () =>
      withServer(async (origin) => {
        const page = await browser.newPage();
        try {
          const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
          await fillForm(page, origin, '&retractation=indisponible');
          await (await inElement(page, '[part~="confirm"]')).click();
          expect(await text(page, '[part~="failure"]')).toContain('our server could not accept it');
          const values = [await valueOf(page, '#name'), await valueOf(page, '#order'), await valueOf(page, '#email')];
          expect(values).toEqual(['Claire Martin', 'MD-248163', 'claire@example.com']);
          const href = await (await inElement(page, '[part~="email"]')).evaluate((a) => (a as HTMLAnchorElement).href);
          expect(href).toMatch(/^mailto:retractation@maison-dupont\.example\?subject=/);
          expect(existsSync(file) ? readFileSync(file, 'utf8') : '').toBe(before);
        } finally {
          await page.close();
        }
      }),
    60_000,
  );
});
