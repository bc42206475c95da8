/**
 * Time: a year that ends, a leap day, and holiday lists that run out. Every date is the merchant's
 * local date, whatever zone the process runs in (npm test runs this file under three). Daylight-
 * saving nights are covered in delivery.property.test.ts; the shopper's own zone, in Chromium, in
 * tests/elements/time.test.ts.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  checkPolicy,
  freeCancellationEnd,
  instantOf,
  parsePolicy,
  quoteDelivery,
  returnDeadline,
} from '../../src/core/index.js';
import full from '../fixtures/examples/policy-full.json' with { type: 'json' };

const paris = (methods: object[], holidays: string[] = [], more: object = {}) => ({
  version: 1,
  merchant: { timeZone: 'Europe/Paris' },
  calendar: { businessDays: ['mon', 'tue', 'wed', 'thu', 'fri'], holidays },
  delivery: { methods },
  ...more,
});
const window = (policy: object, now: string) => {
  const { received, actual, quoted } = quoteDelivery(policy, { now });
  return { received, actual: [actual.earliest, actual.latest], quoted: [quoted.earliest, quoted.latest] };
};

describe('New Year', () => {
  // Transit 1–2, padding 1–2, Mon–Fri, 1 January a holiday.
  const policy = paris([{ id: 'standard', transitDays: { min: 1, max: 2 } }], ['2026-12-25', '2027-01-01']);

  it('Thursday 31 December, 23:59 in Paris: received that day; the window skips New Year’s Day and the weekend', () => {
    // Delivery days after Thu 31: (Fri 1 holiday, weekend) Mon 4 (1), Tue 5 (2), Wed 6 (3), Thu 7 (4).
    expect(window(policy, '2026-12-31T23:59:00+01:00')).toEqual({
      received: '2026-12-31',
      actual: ['2027-01-04', '2027-01-05'],
      quoted: ['2027-01-05', '2027-01-07'],
    });
  });

  it('one minute later it is 1 January in Paris (a holiday): received Monday 4, whatever the server’s clock says', () => {
    // 23:00Z on 31 December: still 2026 in London and New York.
    expect(window(policy, '2026-12-31T23:00:30Z')).toEqual({
      received: '2027-01-04',
      actual: ['2027-01-05', '2027-01-06'],
      quoted: ['2027-01-06', '2027-01-08'],
    });
  });

  it('a window that spans the new year keeps its order: earliest in December, latest in January', () => {
    const q = window(
      paris([{ id: 'standard', transitDays: { min: 1, max: 2 }, padding: { min: 0, max: 2 } }], ['2027-01-01']),
      '2026-12-28T10:00:00+01:00',
    );
    // After Mon 28: Tue 29 (1), Wed 30 (2), Thu 31 (3), (Fri 1 holiday) Mon 4 (4).
    expect(q.quoted).toEqual(['2026-12-29', '2027-01-04']);
  });

  it('a return deadline on New Year’s Day moves to the next business day', () => {
    const returns = { ...paris([], ['2027-01-01']), delivery: undefined, returns: { windowDays: 30 } };
    expect(returnDeadline(returns, '2026-12-02')).toBe('2027-01-04');
  });
});

describe('a leap day', () => {
  it('Tuesday 29 February 2028 is a delivery day like any other', () => {
    const policy = paris([
      { id: 'standard', cutoff: '14:00', transitDays: { min: 1, max: 2 }, padding: { min: 0, max: 1 } },
    ]);
    expect(window(policy, '2028-02-28T10:00:00+01:00')).toEqual({
      received: '2028-02-28',
      actual: ['2028-02-29', '2028-03-01'],
      quoted: ['2028-02-29', '2028-03-02'],
    });
    // After the cutoff: received on the leap day itself.
    expect(window(policy, '2028-02-28T15:00:00+01:00').received).toBe('2028-02-29');
  });

  it('a 30-day return window counts it: delivered 30 January 2028, back by 29 February', () => {
    expect(returnDeadline({ ...paris([]), delivery: undefined, returns: { windowDays: 30 } }, '2028-01-30')).toBe(
      '2028-02-29',
    );
    // In 2027 there is no 29 February: 30 January + 30 days is 1 March (a Monday).
    expect(returnDeadline({ ...paris([]), delivery: undefined, returns: { windowDays: 30 } }, '2027-01-30')).toBe(
      '2027-03-01',
    );
  });

  it('29 February is a valid holiday in a leap year only', () => {
    expect(checkPolicy(paris([{ id: 'a', transitDays: { min: 1, max: 1 } }], ['2028-02-29'])).errors).toEqual([]);
    expect(
      checkPolicy(paris([{ id: 'a', transitDays: { min: 1, max: 1 } }], ['2027-02-29'])).errors.map((e) => e.path),
    ).toEqual(['/calendar/holidays/0']);
  });
});

describe('a holiday list that runs out before the dates quoted now: a warning', () => {
  // The full example's merchant is in FR; its dates given on 2027-12-20 reach into February 2028.
  const MESSAGE =
    "The last holiday listed is 2027-12-25: quotes after it assume no holiday; add next year's holidays (npx policy-explainer holidays FR --years 2028-2030 --write <policy file>).";
  const holidayWarnings = (policy: unknown, now?: string) =>
    checkPolicy(policy, now === undefined ? {} : { now }).warnings.filter((w) => w.path === '/calendar/holidays');

  it('policy-full lists holidays to 2027-12-25: quiet in March 2026, a warning in the week before Christmas 2027', () => {
    expect(holidayWarnings(full, '2026-03-02T10:00:00+01:00')).toEqual([]);
    // The home-delivery method quotes up to 13 working days ahead: well into January 2028.
    expect(holidayWarnings(full, '2027-12-20T10:00:00+01:00')).toEqual([
      { path: '/calendar/holidays', message: MESSAGE },
    ]);
  });

  it('warns from the first instant a quote reaches past the last holiday, not before', () => {
    const policy = {
      version: 1,
      merchant: { timeZone: 'Europe/Paris' },
      calendar: {
        businessDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
        holidays: ['2026-01-01', '2026-03-10'],
      },
      delivery: { methods: [{ id: 'next-day', transitDays: { min: 1, max: 1 }, padding: { min: 0, max: 0 } }] },
    };
    // Sunday 8 March: the latest date quoted is Monday 9, before the holiday.
    expect(holidayWarnings(policy, '2026-03-08T23:59:59+01:00')).toEqual([]);
    // Monday 9, 00:00 in Paris (Sunday 23:00 in London): the quote skips Tuesday 10 and reaches Wednesday 11.
    expect(holidayWarnings(policy, '2026-03-08T23:00:00Z')).toEqual([
      {
        path: '/calendar/holidays',
        message:
          "The last holiday listed is 2026-03-10: quotes after it assume no holiday; add next year's holidays (npx policy-explainer holidays <country> --years 2027-2028 --write <policy file>).",
      },
    ]);
  });

  it('counts the return deadline of an item delivered on the latest date quoted', () => {
    const returnsOnly = {
      version: 1,
      merchant: { timeZone: 'Europe/Paris' },
      calendar: { holidays: ['2026-05-01'] },
      returns: { windowDays: 30 },
    };
    expect(holidayWarnings(returnsOnly, '2026-03-02T10:00:00+01:00')).toEqual([]);
    expect(holidayWarnings(returnsOnly, '2026-04-15T10:00:00+02:00')).toHaveLength(1);
  });

  it('says nothing when no holiday is listed (the shop has chosen none), or when nothing is quoted', () => {
    expect(holidayWarnings(paris([{ id: 'a', transitDays: { min: 1, max: 1 } }]), '2030-01-01T00:00:00Z')).toEqual([]);
    expect(
      holidayWarnings(
        { version: 1, merchant: { timeZone: 'UTC' }, calendar: { holidays: ['2020-01-01'] } },
        '2030-01-01T00:00:00Z',
      ),
    ).toEqual([]);
  });

  it('uses the current instant by default, and never rejects the policy for it', () => {
    // The clock pinned, so that the years of the command do not depend on the day the test runs.
    vi.useFakeTimers({ now: Date.parse('2031-06-01T10:00:00Z'), toFake: ['Date'] });
    try {
      const old = paris([{ id: 'a', transitDays: { min: 1, max: 1 } }], ['2020-12-25'], {
        merchant: { timeZone: 'Europe/Paris', country: 'FR' },
      });
      expect(holidayWarnings(old)).toEqual([
        {
          path: '/calendar/holidays',
          message:
            "The last holiday listed is 2020-12-25: quotes after it assume no holiday; add next year's holidays (npx policy-explainer holidays FR --years 2021-2033 --write <policy file>).",
        },
      ]);
      expect(checkPolicy(old).errors).toEqual([]);
      expect(() => parsePolicy(old)).not.toThrow();
    } finally {
      vi.useRealTimers();
    }
  });

  it('ignores a `now` that is not an instant (no warning, no exception)', () => {
    expect(
      holidayWarnings(paris([{ id: 'a', transitDays: { min: 1, max: 1 } }], ['2020-12-25']), 'not a date'),
    ).toEqual([]);
  });
});

describe('an instant written without an offset is a reading of the merchant’s clock', () => {
  // The server's zone (npm test runs this file under three) must never change the answer.
  const cutoff = paris([{ id: 'std', cutoff: '14:00', transitDays: { min: 1, max: 1 }, padding: { min: 0, max: 0 } }]);

  it('13:30 in Paris is before the 14:00 cutoff, written with or without its offset', () => {
    const bare = quoteDelivery(cutoff, { now: '2026-03-02T13:30:00' });
    const offset = quoteDelivery(cutoff, { now: '2026-03-02T13:30:00+01:00' });
    expect(bare).toEqual(offset);
    expect(bare.received).toBe('2026-03-02');
    expect(bare.cutoff).toBe('2026-03-02T13:00:00.000Z');
    expect(quoteDelivery(cutoff, { now: '2026-03-02T14:00' }).received).toBe('2026-03-03');
  });

  it('a date alone is the start of that day in Paris; an impossible one is refused', () => {
    expect(instantOf('2026-03-02', 'Europe/Paris').toISOString()).toBe('2026-03-01T23:00:00.000Z');
    expect(instantOf('2026-07-01T08:15:30.250', 'Europe/Paris').toISOString()).toBe('2026-07-01T06:15:30.250Z');
    // Strings with an offset or Z, and Dates, are instants already.
    expect(instantOf('2026-03-02T13:30:00Z', 'Europe/Paris').toISOString()).toBe('2026-03-02T13:30:00.000Z');
    expect(instantOf(new Date(0), 'Asia/Tokyo').getTime()).toBe(0);
    expect(Number.isNaN(instantOf('2026-02-30T10:00', 'Europe/Paris').getTime())).toBe(true);
    expect(() => quoteDelivery(cutoff, { now: '2026-02-30T10:00' })).toThrow(/not a valid instant/);
  });

  it('so is the order instant of a free cancellation period', () => {
    const policy = paris([{ id: 'std', transitDays: { min: 1, max: 1 } }], [], {
      cancellation: { free: { withinHours: 24 } },
    });
    expect(freeCancellationEnd(policy, '2026-03-02T10:00')).toBe('2026-03-03T09:00:00.000Z');
  });
});
