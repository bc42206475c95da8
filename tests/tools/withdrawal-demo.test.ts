/**
 * The withdrawal flow end to end, as on `npm start`: the demo order page in headless Chromium with
 * the built bundle, the demo server's own endpoint writing to a file, and its endpoint that always
 * fails. Needs `npm run build` first (the page loads dist/).
 */
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
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

const W = 'policy-withdrawal >>> ';
const text = (page: Page, selector: string) =>
  page.$eval(`${W}${selector}`, (el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());

/** Opens the order page in English and fills the form with the keyboard, up to the confirmation step. */
async function fillForm(page: Page, origin: string, query = '') {
  await page.goto(`${origin}/demo/order.html?lang=en${query}`);
  await page.waitForSelector(`${W}[part~="start"]`);
  await page.click(`${W}[part~="start"]`);
  await page.waitForSelector(`${W}#name`);
  // The order number comes filled from the page (order="MD-248163").
  expect(await page.$eval(`${W}#order`, (el) => (el as HTMLInputElement).value)).toBe('MD-248163');
  await page.keyboard.type('Claire Martin');
  await page.focus(`${W}#email`);
  await page.keyboard.type('claire@example.com');
  await page.keyboard.press('Enter');
  await page.waitForSelector(`${W}[part~="summary"]`);
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
          await page.click(`${W}[part~="confirm"]`);
          await page.waitForSelector(`${W}[part~="result"]`, { timeout: 10_000 });
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
          const shown = await page.$eval(`${W}[part~="result"] time`, (t) => t.getAttribute('datetime'));
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
          await page.click(`${W}[part~="confirm"]`);
          await page.waitForSelector(`${W}[part~="failure"]`, { timeout: 10_000 });
          expect(await text(page, '[part~="failure"]')).toContain('our server could not accept it');
          const values = await page.$$eval(`${W}input`, (inputs) => inputs.map((i) => (i as HTMLInputElement).value));
          expect(values).toEqual(['Claire Martin', 'MD-248163', 'claire@example.com']);
          const href = await page.$eval(`${W}[part~="email"]`, (a) => (a as HTMLAnchorElement).href);
          expect(href).toMatch(/^mailto:retractation@maison-dupont\.example\?subject=/);
          expect(existsSync(file) ? readFileSync(file, 'utf8') : '').toBe(before);
        } finally {
          await page.close();
        }
      }),
    60_000,
  );
});
