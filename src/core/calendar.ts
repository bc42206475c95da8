import { addDays } from 'date-fns/addDays';
import { UTCDateMini } from '@date-fns/utc/date/mini';
import { tzOffset } from '@date-fns/tz/tzOffset';
import type { LocalDate, Weekday } from './types.js';

/**
 * Calendar days are held as midnight in UTC (a UTCDate, whose every getter reads UTC): a zone
 * without daylight saving, so stepping one day is always one day, whatever zone the process or the
 * merchant is in. The merchant's zone only enters through its offsets (`tzOffset`): a wall clock is
 * the instant moved by the offset, read in UTC.
 */
export type Day = Date;

const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const pad = (n: number) => String(n).padStart(2, '0');

/** A `YYYY-MM-DD` string as a calendar day, or undefined when it is not a real date. */
export function parseDay(iso: string): Day | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const d = m ? new UTCDateMini(+m[1]!, +m[2]! - 1, +m[3]!) : undefined;
  return d && isoDay(d) === iso ? d : undefined;
}

export const isoDay = (d: Date): LocalDate => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

export const nextDay = (d: Day, n = 1): Day => addDays(d, n);

/** The merchant's wall clock at an instant: the local date and the time as `HH:MM:SS`. */
export function wallClock(instant: Date, timeZone: string) {
  const local = new UTCDateMini(instant.getTime() + tzOffset(timeZone, instant) * MINUTE);
  return {
    date: isoDay(local),
    time: `${pad(local.getHours())}:${pad(local.getMinutes())}:${pad(local.getSeconds())}`,
  };
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The merchant's wall clock at an instant, as a sortable `YYYY-MM-DDTHH:MM:SS`. */
const reading = (instant: number, timeZone: string) => {
  const { date, time } = wallClock(new Date(instant), timeZone);
  return `${date}T${time}`;
};

/**
 * The first instant, from `from` on, at which the merchant's clock reads `time` (HH:MM) on `date`.
 * On a daylight-saving night the clock may skip that reading: then it is the instant the clock
 * jumps past it. Or it may show it twice: then it is the first showing from `from` on. Worked out
 * from the zone's offsets alone (not with a zoned date's constructor, which resolves those nights through
 * the process time zone), so that the process time zone never changes the answer.
 */
export function instantAt(date: LocalDate, time: string, timeZone: string, from = -Infinity): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  const wanted = `${date}T${time}:00`;
  const asIfUtc = Date.UTC(y, m - 1, d, h, min);
  // The instant is asIfUtc less the offset in force then; a change that night is within a day either side.
  const offsets = [...new Set([-DAY, 0, DAY].map((shift) => tzOffset(timeZone, new Date(asIfUtc + shift)) * MINUTE))].sort(
    (a, b) => a - b,
  );
  const showings = offsets.map((o) => asIfUtc - o).filter((t) => reading(t, timeZone) === wanted).sort((a, b) => a - b);
  if (showings.length) return new Date(showings.find((t) => t >= from) ?? showings.at(-1)!);
  // Skipped: the clock reads earlier at the largest offset's instant and later at the smallest's.
  let [before, after] = [asIfUtc - offsets.at(-1)!, asIfUtc - offsets[0]!];
  while (after - before > MINUTE) {
    const mid = before + Math.floor((after - before) / 2 / MINUTE) * MINUTE;
    if (reading(mid, timeZone) >= wanted) after = mid;
    else before = mid;
  }
  return new Date(after);
}

/**
 * An instant from a Date or an ISO 8601 string. A string with no offset and no Z
 * ("2026-03-02T13:30", "2026-03-02") is a reading of the merchant's clock: read in the process's
 * zone, as Date does, it would give another answer on every server.
 */
export function instantOf(value: Date | string, timeZone: string): Date {
  const m = typeof value === 'string' ? /^(\d{4}-\d{2}-\d{2})(?:T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(\.\d{1,3})?)?)?$/.exec(value) : null;
  if (!m) return new Date(value);
  if (!parseDay(m[1]!)) return new Date(NaN);
  const start = instantAt(m[1]!, `${m[2] ?? '00'}:${m[3] ?? '00'}`, timeZone).getTime();
  return new Date(start + Number(m[4] ?? 0) * 1000 + Math.round(Number(m[5] ?? 0) * 1000));
}

/** The next instant at which the merchant's date changes. */
export function nextLocalMidnight(now: Date, timeZone: string): Date {
  return instantAt(isoDay(nextDay(parseDay(wallClock(now, timeZone).date)!)), '00:00', timeZone);
}

/** Days since 1970-01-01 (a Thursday) of a calendar day. */
const dayNumber = (d: Day) => Math.round(d.getTime() / DAY);
const weekdayOf = (n: number) => (((n + 4) % 7) + 7) % 7;

/** How many values of a sorted list are ≤ x. */
function countUpTo(sorted: number[], x: number): number {
  let [lo, hi] = [0, sorted.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The OpenDays made so far, by holiday list then weekday list (a parsed policy's lists never change). */
const made = new WeakMap<readonly LocalDate[], WeakMap<readonly Weekday[], OpenDays>>();

/** Business days or delivery days: listed weekdays, less the holidays. */
export class OpenDays {
  /**
   * The OpenDays of these lists, made once: every render quotes again, and a list of thousands
   * of holidays is read (parsed, sorted) only the first time.
   */
  static of(weekdays: readonly Weekday[], holidays: readonly LocalDate[]): OpenDays {
    let byWeekdays = made.get(holidays);
    if (!byWeekdays) made.set(holidays, (byWeekdays = new WeakMap()));
    let days = byWeekdays.get(weekdays);
    if (!days) byWeekdays.set(weekdays, (days = new OpenDays(weekdays, holidays)));
    return days;
  }

  private readonly weekdays: Set<number>;
  private readonly holidays: Set<LocalDate>;
  /** The holidays that fall on a listed weekday (each closes one open day), as day numbers in order. */
  private readonly closed: number[];

  constructor(weekdays: readonly Weekday[], holidays: readonly LocalDate[]) {
    this.weekdays = new Set(weekdays.map((w) => WEEKDAYS.indexOf(w)));
    this.holidays = new Set(holidays);
    this.closed = [...new Set(holidays.map((h) => Math.round(Date.parse(`${h}T00:00:00Z`) / DAY)))]
      .filter((n) => this.weekdays.has(weekdayOf(n)))
      .sort((a, b) => a - b);
  }

  has(d: Day): boolean {
    return this.weekdays.has(d.getDay()) && !this.holidays.has(isoDay(d));
  }

  /** The open days after day number `from`, up to and including day number `to`. */
  private openBetween(from: number, to: number): number {
    const length = to - from;
    let open = Math.floor(length / 7) * this.weekdays.size;
    for (let n = to - (length % 7) + 1; n <= to; n++) if (this.weekdays.has(weekdayOf(n))) open++;
    return open - (countUpTo(this.closed, to) - countUpTo(this.closed, from));
  }

  /**
   * `d` advanced by `n` open days, as if stepping one calendar day at a time and counting only
   * open days; with n = 0, `d` itself when open, else the next open day. Worked out by counting
   * (weekdays in a span, less the holidays in it) rather than by stepping, so that ten years of
   * days or a list of thousands of holidays cannot freeze a page.
   */
  advance(d: Day, n: number): Day {
    if (n === 0) return this.has(d) ? d : this.advance(d, 1);
    const from = dayNumber(d);
    // Far enough: whole weeks give `perWeek` open days each, less at most every closed day ahead.
    const closedAhead = this.closed.length - countUpTo(this.closed, from);
    let [lo, hi] = [from + 1, from + 7 * Math.ceil((n + closedAhead) / this.weekdays.size)];
    // Past 100,000,000 days no Date exists (year 275760): the policy check keeps day counts far below.
    if (!(hi < 1e8)) throw new RangeError(`${n} open days from ${isoDay(d)} lie beyond any calendar date.`);
    // The first day by which n open days have passed is the n-th open day itself.
    while (lo < hi) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (this.openBetween(from, mid) >= n) hi = mid;
      else lo = mid + 1;
    }
    return nextDay(d, lo - from);
  }
}
