/**
 * The clocks retailers test with. A shop's own end-to-end tests replace `Date` before our code
 * loads (sinon / Jest "modern" fake timers, Playwright's page.clock, Cypress's cy.clock), subclass
 * it, or move only `Date.now()`. Whatever they do, core must give the dates of the instant the
 * fake clock reads, or refuse; never other dates. Core is imported only after each clock is in
 * place (no static import of it here), and again for every clock.
 */
import FakeTimers from '@sinonjs/fake-timers';
import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

type Core = typeof import('../../src/core/index.js');
const loadCore = async (): Promise<Core> => {
  vi.resetModules();
  return import('../../src/core/index.js');
};

const fixtures = new URL('../fixtures/examples/', import.meta.url);
const cases = readdirSync(fixtures)
  .filter((f) => /^\d\d-.*\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(new URL(f, fixtures), 'utf8')));

/** The case: Monday 2026-04-20 at 13:59 in Paris, cutoff 14:00, transit 1 day, padding 1–2. */
const PARIS = {
  version: 1,
  merchant: { timeZone: 'Europe/Paris' },
  delivery: {
    methods: [{ id: 'standard', cutoff: '14:00', transitDays: { min: 1, max: 1 }, padding: { min: 1, max: 2 } }],
  },
};
const BEFORE_CUTOFF = Date.parse('2026-04-20T13:59:00+02:00');

const NativeDate = Date;
afterEach(() => {
  globalThis.Date = NativeDate;
});

/**
 * The machine's own zone is where a Date's local getters go wrong: each clock is tried with the
 * process west of UTC, east of it, and at a half-hour offset (Node reads TZ again when it is set).
 */
const ZONES = ['America/New_York', 'Europe/Paris', 'Asia/Kolkata'];
const savedZone = process.env.TZ;
afterAll(() => {
  if (savedZone === undefined) delete process.env.TZ;
  else process.env.TZ = savedZone;
});

/** Every worked case, quoted with no `now`: the fake clock alone says when the order is placed. */
async function expectWorkedCases(setClock: (ms: number) => void) {
  for (const example of cases) {
    setClock(NativeDate.parse(example.now));
    const core = await loadCore();
    const { cutoff: _cutoff, ...quote } = core.quoteDelivery(example.policy, { method: example.method });
    expect(quote, example.name).toEqual(example.expect);
  }
}

describe.each(ZONES)('with the machine in %s', (zone) => {
  beforeAll(() => {
    process.env.TZ = zone;
  });

  describe("sinon's fake timers, installed before core is imported", () => {
    let clock: FakeTimers.Clock | undefined;
    afterEach(() => {
      clock?.uninstall();
      clock = undefined;
    });
    const install = (now: number) => {
      clock?.uninstall();
      clock = FakeTimers.install({ now, toFake: ['Date'] });
    };

    it('quote Wed 22 – Thu 23 for Monday 13:59 in Paris, a minute before the cutoff', async () => {
      install(BEFORE_CUTOFF);
      const { quoteDelivery } = await loadCore();
      const quote = quoteDelivery(PARIS);
      expect([quote.received, quote.quoted.earliest, quote.quoted.latest]).toEqual([
        '2026-04-20',
        '2026-04-22',
        '2026-04-23',
      ]);
      expect(quote.cutoff).toBe('2026-04-20T12:00:00.000Z');
    });

    it('give every worked case its own dates', async () => {
      await expectWorkedCases(install);
    });

    it('move the dates when the fake clock moves past the cutoff', async () => {
      install(BEFORE_CUTOFF);
      const { quoteDelivery } = await loadCore();
      clock!.tick(2 * 60_000);
      expect(quoteDelivery(PARIS).received).toBe('2026-04-21');
    });
  });

  describe('a page that replaces Date itself', () => {
    it('with a subclass whose constructor starts at a chosen instant', async () => {
      let fixed = BEFORE_CUTOFF;
      class ShopDate extends NativeDate {
        constructor(...args: ConstructorParameters<DateConstructor> | []) {
          super(...((args.length ? args : [fixed]) as [number]));
        }
        static override now = () => fixed;
      }
      globalThis.Date = ShopDate as DateConstructor;
      const { quoteDelivery } = await loadCore();
      expect(quoteDelivery(PARIS).quoted).toMatchObject({ earliest: '2026-04-22', latest: '2026-04-23' });
      await expectWorkedCases((ms) => (fixed = ms));
    });

    it('with a function that returns native Dates, as Playwright and older fake timers do', async () => {
      let fixed = BEFORE_CUTOFF;
      // Its prototype has none of Date's methods: only the instances it returns do.
      function ClockDate(this: unknown, ...args: unknown[]) {
        if (!new.target) return new NativeDate(fixed).toString();
        return args.length ? new (NativeDate as new (...a: unknown[]) => Date)(...args) : new NativeDate(fixed);
      }
      ClockDate.now = () => fixed;
      ClockDate.UTC = NativeDate.UTC;
      ClockDate.parse = NativeDate.parse;
      globalThis.Date = ClockDate as unknown as DateConstructor;
      const { quoteDelivery } = await loadCore();
      expect(quoteDelivery(PARIS).quoted).toMatchObject({ earliest: '2026-04-22', latest: '2026-04-23' });
      await expectWorkedCases((ms) => (fixed = ms));
    });

    it('moving only Date.now(): its instant is the one quoted', async () => {
      const realNow = NativeDate.now;
      try {
        NativeDate.now = () => BEFORE_CUTOFF;
        const { quoteDelivery } = await loadCore();
        expect(quoteDelivery(PARIS).quoted).toMatchObject({ earliest: '2026-04-22', latest: '2026-04-23' });
      } finally {
        NativeDate.now = realNow;
      }
    });
  });
});
