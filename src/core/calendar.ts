import { addDays } from 'date-fns/addDays';
import { TZDateMini, type TZDate } from '@date-fns/tz';
import type { LocalDate, Weekday } from './types.js';

/**
 * Calendar days are held as midnight in UTC: a zone without daylight saving, so stepping one
 * day is always one day, whatever zone the process or the merchant is in.
 */
export type Day = TZDate;

const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const pad = (n: number) => String(n).padStart(2, '0');

/** A `YYYY-MM-DD` string as a calendar day, or undefined when it is not a real date. */
export function parseDay(iso: string): Day | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const d = m ? new TZDateMini(+m[1]!, +m[2]! - 1, +m[3]!, 'UTC') : undefined;
  return d && isoDay(d) === iso ? d : undefined;
}

export const isoDay = (d: Date): LocalDate => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

export const nextDay = (d: Day, n = 1): Day => addDays(d, n);

/** The merchant's wall clock at an instant: the local date and the time as `HH:MM:SS`. */
export function wallClock(instant: Date, timeZone: string) {
  const local = new TZDateMini(instant.getTime(), timeZone);
  return {
    date: isoDay(local),
    time: `${pad(local.getHours())}:${pad(local.getMinutes())}:${pad(local.getSeconds())}`,
  };
}

/** The instant at which the merchant's clock reads `time` (HH:MM) on `date`. */
export function instantAt(date: LocalDate, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDateMini(y, m - 1, d, h, min, timeZone).getTime());
}

/** The next instant at which the merchant's date changes. */
export function nextLocalMidnight(now: Date, timeZone: string): Date {
  return instantAt(isoDay(nextDay(parseDay(wallClock(now, timeZone).date)!)), '00:00', timeZone);
}

/** Business days or delivery days: listed weekdays, less the holidays. */
export class OpenDays {
  private readonly weekdays: Set<number>;
  private readonly holidays: Set<LocalDate>;

  constructor(weekdays: Weekday[], holidays: LocalDate[]) {
    this.weekdays = new Set(weekdays.map((w) => WEEKDAYS.indexOf(w)));
    this.holidays = new Set(holidays);
  }

  has(d: Day): boolean {
    return this.weekdays.has(d.getDay()) && !this.holidays.has(isoDay(d));
  }

  /**
   * `d` advanced by `n` open days, stepping one calendar day at a time and counting only open
   * days; with n = 0, `d` itself when open, else the next open day.
   */
  advance(d: Day, n: number): Day {
    let current = d;
    if (n === 0) while (!this.has(current)) current = nextDay(current);
    for (let counted = 0; counted < n; ) {
      current = nextDay(current);
      if (this.has(current)) counted++;
    }
    return current;
  }
}
