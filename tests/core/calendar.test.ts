import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OpenDays, isoDay, nextDay, parseDay, type Day } from '../../src/core/calendar.js';
import type { Weekday } from '../../src/core/types.js';

const WEEKDAYS: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** The spec's definition, literally: one calendar day at a time, counting open days. */
function stepByStep(days: OpenDays, d: Day, n: number): string {
  let current = d;
  if (n === 0) while (!days.has(current)) current = nextDay(current);
  for (let counted = 0; counted < n;) {
    current = nextDay(current);
    if (days.has(current)) counted++;
  }
  return isoDay(current);
}

describe('OpenDays.advance', () => {
  it('counting open days gives the same day as stepping one day at a time', () => {
    fc.assert(
      fc.property(
        fc.subarray(WEEKDAYS, { minLength: 1 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 900 }), { maxLength: 30 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 1200 }),
        (weekdays, holidayOffsets, startOffset, n) => {
          const holidays = holidayOffsets.map((o) => isoDay(nextDay(parseDay('2026-01-01')!, o)));
          const days = new OpenDays(weekdays, holidays);
          const from = nextDay(parseDay('2026-01-01')!, startOffset);
          expect(isoDay(days.advance(from, n))).toBe(stepByStep(days, from, n));
        },
      ),
      { numRuns: 100 },
    );
  }, 60_000);

  it('agrees with one-day steps over a dense run of holidays: three years of them, every day', () => {
    const holidays = Array.from({ length: 1100 }, (_, i) => isoDay(nextDay(parseDay('2026-03-10')!, i)));
    for (const weekdays of [['mon'], ['sat', 'sun'], WEEKDAYS] as Weekday[][]) {
      const days = new OpenDays(weekdays, holidays);
      for (const [from, n] of [
        ['2026-03-02', 0],
        ['2026-03-02', 1],
        ['2026-03-02', 40],
        ['2026-06-01', 0],
        ['2026-06-01', 3],
        ['2029-03-12', 0],
      ] as const) {
        expect(isoDay(days.advance(parseDay(from)!, n)), `${weekdays} ${from} + ${n}`).toBe(
          stepByStep(days, parseDay(from)!, n),
        );
      }
    }
  }, 60_000);

  it('agrees with one-day steps over a long span that starts before the last holiday', () => {
    const days = new OpenDays(['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], ['2026-12-25', '2027-01-01', '2027-05-01']);
    const from = parseDay('2026-03-02')!;
    expect(isoDay(days.advance(from, 20_000))).toBe(stepByStep(days, from, 20_000));
  }, 60_000);
});
