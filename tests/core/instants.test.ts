/**
 * Every instant is read on the merchant's clock, in every zone, in every supported year, the same
 * on every machine (npm test runs this file under several process time zones). What cannot be
 * read that way is refused with a PolicyError that says how to write it; nothing loops forever.
 */
import { describe, expect, it } from 'vitest';
import {
  checkPolicy,
  freeCancellationEnd,
  instantAt,
  instantOf,
  nextLocalMidnight,
  PolicyError,
  quoteDelivery,
  returnDeadline,
  wallClock,
} from '../../src/core/index.js';

const policyIn = (timeZone: string, extra: object = {}) => ({
  version: 1,
  merchant: { timeZone },
  delivery: { methods: [{ id: 'std', cutoff: '14:00', transitDays: { min: 1, max: 1 }, padding: { min: 0, max: 0 } }] },
  returns: { windowDays: 30 },
  cancellation: { free: { withinHours: 24 } },
  ...extra,
});
const paris = policyIn('Europe/Paris');

const refusal = (call: () => unknown): string => {
  try {
    call();
  } catch (e) {
    expect(e).toBeInstanceOf(PolicyError);
    return (e as PolicyError).issues.map((i) => i.message).join('\n');
  }
  throw new Error('expected a PolicyError');
};

describe('an instant without an offset, however it is written, is read on the merchant’s clock', () => {
  it.each([
    ['2026-03-02 13:30', '2026-03-02T12:30:00.000Z'],
    ['2026-03-02T13:30', '2026-03-02T12:30:00.000Z'],
    ['2026-03-02t13:30:00', '2026-03-02T12:30:00.000Z'],
    ['2026-03-02T10:00:00.0001', '2026-03-02T09:00:00.000Z'],
    ['2026-03-02T10:00:00,5', '2026-03-02T09:00:00.500Z'],
    ['2026-03-02T23:59:59.999999', '2026-03-02T22:59:59.999Z'],
    ['2026-03-02T24:00', '2026-03-02T23:00:00.000Z'],
    ['2026-03-29T24:00:00', '2026-03-29T22:00:00.000Z'],
    ['2026-03-02', '2026-03-01T23:00:00.000Z'],
  ])('%s in Paris is %s', (written, instant) => {
    expect(instantOf(written, 'Europe/Paris').toISOString()).toBe(instant);
  });

  it('so 13:30 written with a space is before the 14:00 cutoff, on any machine', () => {
    expect(quoteDelivery(paris, { now: '2026-03-02 13:30' }).received).toBe('2026-03-02');
    expect(quoteDelivery(paris, { now: '2026-03-02T24:00' }).received).toBe('2026-03-03');
    expect(freeCancellationEnd(paris, '2026-03-02 10:00')).toBe('2026-03-03T09:00:00.000Z');
  });

  it('an offset or Z is an instant already, in any of ISO 8601’s ways of writing it', () => {
    for (const written of [
      '2026-03-02T12:30Z',
      '2026-03-02T13:30+01:00',
      '2026-03-02T13:30:00+0100',
      '2026-03-02T13:30+01',
      '2026-03-02 07:30-05:00',
    ]) {
      expect(instantOf(written, 'Asia/Tokyo').toISOString(), written).toBe('2026-03-02T12:30:00.000Z');
    }
  });

  it.each([
    'March 2, 2026 13:30',
    '2026-03-02T25:00',
    '2026-03-02T24:30',
    '2026-03-02T13:60',
    '2026-3-2',
    '03/02/2026',
    '2026-03-02T13:30+24:00',
    '1772454600000',
    '',
  ])('%j is refused, with how to write it', (written) => {
    expect(Number.isNaN(instantOf(written, 'Europe/Paris').getTime())).toBe(true);
    expect(refusal(() => quoteDelivery(paris, { now: written }))).toMatch(/not a valid instant.*ISO 8601/s);
    expect(refusal(() => freeCancellationEnd(paris, written))).toMatch(/not a valid instant.*ISO 8601/s);
  });

  it('a delivery date with a time is refused, not read on the machine’s clock', () => {
    expect(refusal(() => returnDeadline(paris, '2026-03-02T23:30'))).toMatch(/YYYY-MM-DD/);
  });

  it('checkPolicy reads its `now` on the merchant’s clock too', () => {
    const policy = policyIn('Pacific/Kiritimati', { calendar: { holidays: ['2026-12-25'] } });
    // 2026-12-25 at 23:30 in Kiritimati: a quote from then is past the last holiday listed.
    expect(checkPolicy(policy, { now: '2026-12-25 23:30' }).warnings.map((w) => w.path)).toContain(
      '/calendar/holidays',
    );
    expect(checkPolicy(policy, { now: '2026-03-02 10:00' }).warnings).toEqual([]);
  });
});

describe('offsets that are not whole minutes (local mean time, before standard time)', () => {
  it('Monrovia was 44 min 30 s behind UTC until 1972', () => {
    expect(wallClock(Date.UTC(1960, 0, 1, 12), 'Africa/Monrovia')).toEqual({ date: '1960-01-01', time: '11:15:30' });
    expect(instantOf('1960-01-01T11:15:30', 'Africa/Monrovia').toISOString()).toBe('1960-01-01T12:00:00.000Z');
  });

  it('Addis Ababa (+2:27:16 until 1908) and Lagos (+0:13:35, then +0:30 in 1914): every reading of the changing days, found or skipped', () => {
    const days = [
      ['Africa/Addis_Ababa', '1908-04-30'],
      ['Africa/Addis_Ababa', '1908-05-01'],
      ['Africa/Lagos', '1905-07-01'],
      ['Africa/Lagos', '1908-07-01'],
      ['Africa/Lagos', '1914-01-01'],
      ['Africa/Monrovia', '1972-01-07'],
      ['Australia/Lord_Howe', '2026-10-04'],
      ['Australia/Lord_Howe', '2026-04-05'],
    ] as const;
    const started = performance.now();
    for (const [zone, date] of days) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 5) {
        const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
        const at = instantAt(date, time, zone).getTime();
        const reading = (t: number) => {
          const r = wallClock(t, zone);
          return `${r.date}T${r.time}`;
        };
        // The first instant whose reading is at or past the one asked for: shown then, or skipped to then.
        const wanted = `${date}T${time}:00`;
        expect(reading(at) >= wanted, `${zone} ${wanted}: ${reading(at)}`).toBe(true);
        expect(reading(at - 1) < wanted, `${zone} ${wanted}, a millisecond before: ${reading(at - 1)}`).toBe(true);
      }
    }
    // Hundreds of readings on the nights that used to hang a tab for 15 s.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('the next midnight in Lagos across its 1914 change is the first instant of the next day', () => {
    const next = nextLocalMidnight(Date.UTC(1913, 11, 31, 12), 'Africa/Lagos');
    expect(wallClock(next, 'Africa/Lagos').date).toBe('1914-01-01');
    expect(wallClock(next.getTime() - 1, 'Africa/Lagos').date).toBe('1913-12-31');
  });

  it('quotes and deadlines in Monrovia before 1972 give the same dates as the same wall clock elsewhere', () => {
    const monrovia = quoteDelivery(policyIn('Africa/Monrovia'), { now: '1960-03-02T13:59' });
    const utc = quoteDelivery(policyIn('UTC'), { now: '1960-03-02T13:59' });
    expect(monrovia.quoted).toEqual(utc.quoted);
    expect(monrovia.cutoff).toBe('1960-03-02T14:44:30.000Z');
  });
});

describe('the years 1000 to 9999', () => {
  it('work at both ends', () => {
    expect(quoteDelivery(policyIn('UTC'), { now: '1000-01-01T00:00:00Z' }).quoted.earliest).toBe('1000-01-02');
    expect(quoteDelivery(policyIn('UTC'), { now: '9999-12-01T10:00:00Z' }).quoted.latest).toBe('9999-12-02');
    expect(returnDeadline(policyIn('UTC'), '9999-11-01')).toBe('9999-12-01');
  });

  it.each([
    ['0999-06-01', 'a now before the year 1000'],
    ['0001-01-01T00:00:00Z', 'year 1'],
    ['9999-12-31T23:59:59Z', 'a now whose window ends in 10000'],
    ['9999-12-31T23:30:00-05:00', 'a now already in 10000 in UTC'],
  ])('%s (%s) is a PolicyError that names the supported years', (now) => {
    expect(refusal(() => quoteDelivery(policyIn('UTC'), { now }))).toMatch(/1000 to 9999/);
  });

  it('a Date far outside them is a PolicyError too, not a TypeError', () => {
    expect(refusal(() => quoteDelivery(paris, { now: new Date(Date.UTC(99999, 0, 1)) }))).toMatch(/1000 to 9999/);
    expect(refusal(() => quoteDelivery(paris, { now: new Date(-8.64e15) }))).toMatch(/1000 to 9999/);
    expect(refusal(() => quoteDelivery(paris, { now: new Date(NaN) }))).toMatch(/not a valid instant/);
  });

  it('a return deadline past 9999-12-31, and a holiday before 1000, are refused', () => {
    expect(refusal(() => returnDeadline(paris, '9999-12-30'))).toMatch(/1000 to 9999/);
    const { errors } = checkPolicy(policyIn('UTC', { calendar: { holidays: ['0999-12-25'] } }));
    expect(errors).toEqual([{ path: '/calendar/holidays/0', message: expect.stringMatching(/1000 to 9999/) }]);
  });

  it('a window that would end after 9999 is refused whole, not written with five digits', () => {
    const policy = policyIn('Pacific/Kiritimati', {
      delivery: { methods: [{ id: 'std', transitDays: { min: 3650, max: 3650 }, padding: { min: 3650, max: 3650 } }] },
    });
    // 7,300 weekdays are about 28 years.
    expect(quoteDelivery(policy, { now: '9960-01-01T00:00Z' }).quoted.latest).toMatch(/^99\d\d-\d\d-\d\d$/);
    expect(refusal(() => quoteDelivery(policy, { now: '9990-06-01T00:00Z' }))).toMatch(/1000 to 9999/);
  });
});
