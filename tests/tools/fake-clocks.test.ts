/**
 * The embed under the clocks a shop's own end-to-end tests install before the page loads:
 * Playwright's page.clock (install, setFixedTime, pauseAt), sinon's fake timers, a page that
 * subclasses Date, and one that moves only Date.now(). With the shopper west of UTC, east of it,
 * and at a half-hour offset, `<policy-delivery-window>` must show, in fr, es and en, the dates core
 * gives for the instant that clock reads, or its fallback with `policy-error`; never other dates.
 *
 * Driven by playwright-core (its clock is what retailers use) in Debian's Chromium, on the built
 * bundle: this is the file a shop's page loads.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_FLAGS, chromiumPath } from '../../scripts/browser.mjs';
import { serve } from '../../scripts/serve.mjs';
import { quoteDelivery } from '../../src/core/index.js';

const root = new URL('../../', import.meta.url);
const sinonBundle = createRequire(import.meta.url).resolve('sinon/pkg/sinon.js');

interface Case {
  name: string;
  policy: object;
  method?: string;
  now: string;
}
const examples: Case[] = readdirSync(new URL('tests/fixtures/examples/', root))
  .filter((f) => /^\d\d-.*\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(new URL(`tests/fixtures/examples/${f}`, root), 'utf8')));
const zoned = (timeZone: string, cutoff: string, transit: [number, number]) => ({
  version: 1,
  merchant: { timeZone },
  delivery: {
    methods: [
      { id: 'standard', cutoff, transitDays: { min: transit[0], max: transit[1] }, padding: { min: 1, max: 2 } },
    ],
  },
});
const CASES: Case[] = [
  {
    name: 'Monday 13:59 in Paris, a minute before the cutoff',
    policy: zoned('Europe/Paris', '14:00', [1, 1]),
    now: '2026-04-20T13:59:00+02:00',
  },
  {
    name: 'Monday 14:01 in Paris, a minute after it',
    policy: zoned('Europe/Paris', '14:00', [1, 1]),
    now: '2026-04-20T14:01:00+02:00',
  },
  {
    name: 'Kiritimati is on Tuesday while UTC is on Monday',
    policy: zoned('Pacific/Kiritimati', '14:00', [3, 4]),
    now: '2026-03-02T10:30:00Z',
  },
  {
    name: 'Pago Pago is still on Monday',
    policy: zoned('Pacific/Pago_Pago', '14:00', [3, 4]),
    now: '2026-03-02T21:00:00Z',
  },
  {
    name: "St John's, half an hour off, the night clocks go forward",
    policy: zoned('America/St_Johns', '01:30', [1, 2]),
    now: '2026-03-08T01:00:00-03:30',
  },
  ...examples,
];
const LANGUAGES = ['fr', 'es', 'en'];
const SHOPPER_ZONES = ['America/New_York', 'Europe/Paris', 'Asia/Kolkata'];

/** Ways a page's clock is set to `ms` before the bundle loads, and moved to another instant after. */
interface Clock {
  before(page: Page, ms: number): Promise<unknown>;
  move(page: Page, ms: number): Promise<unknown>;
}
const CLOCKS: Record<string, Clock> = {
  "Playwright's clock.install": {
    before: (page, ms) => page.clock.install({ time: ms }),
    move: (page, ms) => page.clock.setSystemTime(ms),
  },
  "Playwright's clock.setFixedTime": {
    before: (page, ms) => page.clock.setFixedTime(ms),
    move: (page, ms) => page.clock.setFixedTime(ms),
  },
  "Playwright's clock.pauseAt": {
    before: async (page, ms) => {
      await page.clock.install({ time: ms - 3_600_000 });
      await page.clock.pauseAt(ms);
    },
    move: (page, ms) => page.clock.setSystemTime(ms),
  },
  "sinon's fake timers": {
    before: async (page, ms) => {
      await page.addInitScript({ path: sinonBundle });
      await page.addInitScript(
        `window.__clock = sinon.useFakeTimers({ now: ${ms}, toFake: ['Date', 'setTimeout', 'clearTimeout'] });`,
      );
    },
    move: (page, ms) => page.evaluate((t) => (window as any).__clock.setSystemTime(t), ms),
  },
  'a Date subclass': {
    before: (page, ms) =>
      page.addInitScript(`{
        window.__now = ${ms};
        const NativeDate = Date;
        window.Date = class ShopDate extends NativeDate {
          constructor(...args) { super(...(args.length ? args : [window.__now])); }
          static now() { return window.__now; }
        };
      }`),
    move: (page, ms) => page.evaluate((t) => ((window as any).__now = t), ms),
  },
  'a moved Date.now() alone': {
    before: (page, ms) => page.addInitScript(`window.__now = ${ms}; Date.now = () => window.__now;`),
    move: (page, ms) => page.evaluate((t) => ((window as any).__now = t), ms),
  },
};

/** Shows the delivery window for one case; what the shopper sees: each date's datetime and text. */
const show = (page: Page, c: Case, lang: string) =>
  page.evaluate(
    async ({ policy, method, lang }) => {
      const el = document.createElement('policy-delivery-window') as HTMLElement & { policy: unknown };
      el.lang = lang;
      if (method) el.setAttribute('method', method);
      el.policy = policy;
      const outcome = new Promise<string>((resolve) => {
        el.addEventListener('policy-ready', () => resolve('ready'), { once: true });
        el.addEventListener('policy-error', () => resolve('error'), { once: true });
      });
      // The embed loads the element's code once its tag is in the document.
      document.body.append(el);
      const event = await outcome;
      const times = [...el.shadowRoot!.querySelectorAll('[part~="window"] time')].map((t) => [
        t.getAttribute('datetime'),
        t.textContent,
      ]);
      el.remove();
      return { event, times };
    },
    { policy: c.policy, method: c.method, lang },
  );

describe('the embed under the clocks retailers test with', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;
  let origin: string;

  beforeAll(async () => {
    if (!existsSync(new URL('dist/policy-explainer.js', root)))
      execFileSync('npm', ['run', '--silent', 'build'], { cwd: root });
    server = await serve(0);
    origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    server?.closeAllConnections();
    server?.close();
  });

  for (const [clockName, clock] of Object.entries(CLOCKS)) {
    it.each(SHOPPER_ZONES)(
      `${clockName}, installed before the bundle loads, shopper in %s`,
      async (zone) => {
        const context = await browser.newContext({ timezoneId: zone });
        const page = await context.newPage();
        try {
          await clock.before(page, Date.parse(CASES[0]!.now));
          await page.goto(`${origin}/tests/fixtures/clock-page.html`);
          const wrong: string[] = [];
          for (const c of CASES) {
            await clock.move(page, Date.parse(c.now));
            const { quoted } = quoteDelivery(c.policy, { method: c.method, now: c.now });
            for (const lang of LANGUAGES) {
              const { event, times } = await show(page, c, lang);
              // The fallback is honest; a date other than core's is not.
              if (event === 'error') continue;
              const expected = quoted.earliest === quoted.latest ? [quoted.earliest] : [quoted.earliest, quoted.latest];
              const dates = times.map(([datetime]) => datetime);
              // The text a shopper reads names each date's day of the month.
              const textRight = times.every(([datetime, text]) => text!.includes(String(Number(datetime!.slice(8)))));
              if (JSON.stringify(dates) !== JSON.stringify(expected) || !textRight)
                wrong.push(`${c.name} [${lang}]: ${JSON.stringify(times)}, expected ${expected.join(' – ')}`);
            }
          }
          expect(wrong).toEqual([]);
          // And a fallback is never all it shows: the seed case renders its dates.
          await clock.move(page, Date.parse(CASES[0]!.now));
          expect((await show(page, CASES[0]!, 'en')).event).toBe('ready');
        } finally {
          await context.close();
        }
      },
      60_000,
    );
  }
});
