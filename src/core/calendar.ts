import { PolicyError } from './errors.js';
import { WEEKDAYS, type LocalDate, type Weekday } from './types.js';

/*
 * Calendar days are whole numbers: days since 1970-01-01, a Thursday. Stepping a day is adding one,
 * whatever zone the process, the browser or the merchant is in, and no Date object is ever asked
 * for a year or a weekday. So a host page that replaces `Date` (Playwright's `page.clock`, sinon's
 * fake timers, a subclass) before or after this module loads cannot move a date: the page's clock
 * is only read as a number, and the merchant's zone only enters through its offsets, read from Intl.
 */

/** A calendar day, as days since 1970-01-01. */
export type Day = number;

/*
 * Read once, when the module loads: a page that replaces them later cannot change a date. The
 * arithmetic below calls no other method of Array, String, Set or Map (loops and indexes instead),
 * so that `Array.prototype.map = () => []` on the host page cannot move a date either.
 */
const { floor, ceil, max, min } = Math;
const call = Function.prototype.call;
/** `re.exec(s)`, as RegExp.prototype.exec was at load. */
const exec = call.bind(RegExp.prototype.exec) as (re: RegExp, s: string) => RegExpExecArray | null;
/** `list.sort(compare)`, as Array.prototype.sort was at load. */
const sortNumbers = call.bind(Array.prototype.sort) as (
  list: number[],
  compare: (a: number, b: number) => number,
) => number[];
/** `format.format`, as Intl.DateTimeFormat.prototype's getter was at load. */
const formatOf = call.bind(Object.getOwnPropertyDescriptor(Intl.DateTimeFormat.prototype, 'format')!.get!) as (
  format: Intl.DateTimeFormat,
) => (ms: number) => string;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The years this library works in: those `YYYY-MM-DD` can write, from 1000. */
const FIRST_YEAR = 1000;
const LAST_YEAR = 9999;

/** `n` (0 to 9999) written with `width` digits at least. */
const pad = (n: number, width = 2) => {
  let s = `${n}`;
  while (s.length < width) s = `0${s}`;
  return s;
};

/** Days since 1970-01-01 of a date of the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
function dayFromCivil(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  return era * 146_097 + yearOfEra * 365 + floor(yearOfEra / 4) - floor(yearOfEra / 100) + dayOfYear - 719_468;
}

/** The year, month and day of a day number (H. Hinnant's civil_from_days). */
function civilFromDay(n: Day): [year: number, month: number, day: number] {
  const z = n + 719_468;
  const era = floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = floor(
    (dayOfEra - floor(dayOfEra / 1460) + floor(dayOfEra / 36_524) - floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + floor(yearOfEra / 4) - floor(yearOfEra / 100));
  const mp = floor((5 * dayOfYear + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfYear - floor((153 * mp + 2) / 5) + 1];
}

const FIRST_DAY = dayFromCivil(FIRST_YEAR, 1, 1);
const LAST_DAY = dayFromCivil(LAST_YEAR, 12, 31);

/** The error for a date outside the years this library works in. */
const outOfRange = (what: string) =>
  new PolicyError([
    {
      path: '',
      message: `${what} falls outside the years ${FIRST_YEAR} to ${LAST_YEAR}, the calendar this library works in.`,
    },
  ]);

const daysInMonth = (y: number, m: number) =>
  m === 2
    ? y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
      ? 29
      : 28
    : m === 4 || m === 6 || m === 9 || m === 11
      ? 30
      : 31;

/** A `YYYY-MM-DD` string as a calendar day, or undefined when it is not a real date from year 1000 to 9999. */
export function parseDay(iso: string): Day | undefined {
  // Read digit by digit: a policy may list tens of thousands of holidays.
  if (iso.length !== 10 || iso[4] !== '-' || iso[7] !== '-') return undefined;
  const [y, mo, d] = [digits(iso, 0, 4), digits(iso, 5, 2), digits(iso, 8, 2)];
  return y >= FIRST_YEAR && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)
    ? dayFromCivil(y, mo, d)
    : undefined;
}

/** The number written by `length` ASCII digits from `at`; NaN if another character is there. */
function digits(s: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) {
    const digit = s[i]!;
    if (!(digit >= '0' && digit <= '9')) return NaN;
    n = n * 10 + +digit;
  }
  return n;
}

/** A calendar day as `YYYY-MM-DD`; a `PolicyError` for a day outside the years 1000 to 9999. */
export function isoDay(n: Day): LocalDate {
  if (!(n >= FIRST_DAY && n <= LAST_DAY)) throw outOfRange('A date');
  const [y, m, d] = civilFromDay(n);
  return `${y}-${pad(m)}-${pad(d)}`;
}

export const nextDay = (d: Day, n = 1): Day => d + n;

/** The weekday of a calendar day, 0 for Sunday. */
const weekdayOf = (n: Day) => (((n + 4) % 7) + 7) % 7;

/** An instant (ms since the epoch) as an ISO string in UTC, as `Date#toISOString` writes it. */
export function isoInstant(ms: number): string {
  const day = floor(ms / DAY);
  const t = ms - day * DAY;
  return `${isoDay(day)}T${pad(floor(t / HOUR))}:${pad(floor(t / MINUTE) % 60)}:${pad(floor(t / SECOND) % 60)}.${pad(t % SECOND, 3)}Z`;
}

/** The formatters that tell a zone's offset, one per zone. */
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The zone's offset from UTC at an instant, in milliseconds, to the second: before standard time,
 * zones kept local mean time (Monrovia was 44 min 30 s behind UTC until 1972).
 */
function offsetAt(timeZone: string, ms: number): number {
  let format = offsetFormats.get(timeZone);
  if (!format)
    offsetFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })));
  const text = formatOf(format)(ms);
  const m = exec(/GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/, text);
  if (!m) throw new RangeError(`The UTC offset of ${timeZone} could not be read ("${text}").`);
  if (!m[1]) return 0;
  return (m[1] === '-' ? -1 : 1) * (+m[2]! * HOUR + +m[3]! * MINUTE + +(m[4] ?? 0) * SECOND);
}

/** Milliseconds since the epoch of a Date (a page's own or a fake one) or of a number. */
export function msOf(instant: Date | number): number {
  if (typeof instant === 'number') return instant;
  try {
    return +instant.getTime();
  } catch {
    return NaN;
  }
}

/** The merchant's wall clock at an instant, as a day number and the milliseconds since its midnight. */
function localReading(ms: number, timeZone: string) {
  const local = ms + offsetAt(timeZone, ms);
  const day = floor(local / DAY);
  return { day, sinceMidnight: local - day * DAY };
}

/** The merchant's wall clock at an instant: the local date and the time as `HH:MM:SS`. */
export function wallClock(instant: Date | number, timeZone: string) {
  const { day, sinceMidnight: t } = localReading(msOf(instant), timeZone);
  return {
    date: isoDay(day),
    time: `${pad(floor(t / HOUR))}:${pad(floor(t / MINUTE) % 60)}:${pad(floor(t / SECOND) % 60)}`,
  };
}

/** The merchant's date at an instant, as a day number. */
const localDay = (instant: Date | number, timeZone: string): Day => localReading(msOf(instant), timeZone).day;

/**
 * The first instant (ms), from `from` on, at which the merchant's clock reads `sinceMidnight` on
 * `day`. On a daylight-saving night the clock may skip that reading: then it is the instant the
 * clock jumps past it. Or it may show it twice: then it is the first showing from `from` on.
 * Worked out from the zone's offsets alone, to the millisecond, so that neither the process's time
 * zone nor an offset in seconds (local mean time) changes the answer, and it always ends.
 */
export function instantMs(day: Day, sinceMidnight: number, timeZone: string, from: number): number {
  const wanted = day * DAY + sinceMidnight;
  const localAt = (t: number) => t + offsetAt(timeZone, t);
  // The instant is `wanted` less the offset in force then; a change that night is within a day either side.
  const offsets = [offsetAt(timeZone, wanted - DAY), offsetAt(timeZone, wanted), offsetAt(timeZone, wanted + DAY)];
  // The instants at which the clock shows `wanted`, each once: the first from `from` on, else the last.
  let [first, last] = [Infinity, -Infinity];
  for (let i = 0; i < 3; i++) {
    const t = wanted - offsets[i]!;
    if (localAt(t) !== wanted) continue;
    if (t >= from && t < first) first = t;
    if (t > last) last = t;
  }
  if (last > -Infinity) return first < Infinity ? first : last;
  // Skipped: the clock reads earlier at the largest offset's instant and later at the smallest's.
  let before = wanted - max(offsets[0]!, offsets[1]!, offsets[2]!);
  let after = wanted - min(offsets[0]!, offsets[1]!, offsets[2]!);
  while (after - before > 1) {
    const mid = before + floor((after - before) / 2);
    if (localAt(mid) >= wanted) after = mid;
    else before = mid;
  }
  return after;
}

/**
 * The first instant, from `from` on, at which the merchant's clock reads `time` (HH:MM) on `date`;
 * see `instantMs` for the nights the clock skips or repeats that reading.
 */
export function instantAt(date: LocalDate, time: string, timeZone: string, from = -Infinity): Date {
  const day = parseDay(date);
  return new Date(day === undefined ? NaN : instantMs(day, timeOfDay(time), timeZone, from));
}

/** An `HH:MM` time as milliseconds since midnight. */
export const timeOfDay = (time: string) => +`${time[0]}${time[1]}` * HOUR + +`${time[3]}${time[4]}` * MINUTE;

/**
 * ISO 8601 as people write it: a date, then optionally a time (after `T` or a space; seconds and
 * any fraction optional; `24:00` is the end of the day), then optionally `Z` or an offset.
 */
const ISO_INSTANT =
  /^\s*(\d{4}-\d{2}-\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?)?\s*$/;

/** How to write an instant, for the error that refuses another form. */
export const ISO_HINT =
  'Write it in ISO 8601: "2026-03-02T13:30" (read on the merchant\'s clock), or with an offset, "2026-03-02T13:30:00+01:00" or "2026-03-02T12:30:00Z".';

/** A value as an error message quotes it. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    const time =
      typeof value === 'object' && value !== null && typeof (value as Date).getTime === 'function'
        ? (value as Date).getTime()
        : undefined;
    return time === undefined
      ? String(value)
      : `a Date ${Number.isNaN(time) ? 'that is invalid' : `${time} ms after 1970`}`;
  } catch {
    return 'a value that cannot be shown';
  }
}

/**
 * An instant (ms) from a Date or an ISO 8601 string: NaN when it is neither, and a `PolicyError`
 * when the merchant's date then is outside the years 1000 to 9999. A string with no offset and no
 * Z ("2026-03-02T13:30", "2026-03-02 13:30", "2026-03-02") is a reading of the merchant's clock:
 * read in the process's zone, as Date does, it would give another answer on every machine. Other
 * forms ("March 2, 2026") are refused rather than guessed.
 */
export function readInstant(value: Date | number | string, timeZone: string, what = 'The instant'): number {
  let ms: number;
  if (typeof value !== 'string') ms = msOf(value);
  else {
    const m = exec(ISO_INSTANT, value);
    const day = m ? parseDay(m[1]!) : undefined;
    if (
      m &&
      day === undefined &&
      +m[1]!.slice(0, 4) < FIRST_YEAR &&
      parseDay(`${FIRST_YEAR + 4000}${m[1]!.slice(4)}`) !== undefined
    )
      throw outOfRange(what);
    if (!m || day === undefined) return NaN;
    const [h, minutes, s] = [+(m[2] ?? 0), +(m[3] ?? 0), +(m[4] ?? 0)];
    const fraction = floor(+`0.${m[5] ?? 0}` * SECOND);
    const endOfDay = h === 24 && minutes === 0 && s === 0 && fraction === 0;
    if ((h > 23 && !endOfDay) || minutes > 59 || s > 59) return NaN;
    const sinceMidnight = h * HOUR + minutes * MINUTE + s * SECOND + fraction;
    if (m[6]) ms = day * DAY + sinceMidnight;
    else if (m[7]) {
      const [oh, om] = [+m[8]!, +(m[9] ?? 0)];
      if (oh > 23 || om > 59) return NaN;
      ms = day * DAY + sinceMidnight - (m[7] === '-' ? -1 : 1) * (oh * HOUR + om * MINUTE);
    } else if (endOfDay) ms = instantMs(day + 1, 0, timeZone, -Infinity);
    else ms = instantMs(day, sinceMidnight, timeZone, -Infinity);
  }
  if (!Number.isFinite(ms)) return NaN;
  // A day's margin either side first: Intl reads no instant past ±8.64e15 ms.
  if (!(ms > (FIRST_DAY - 1) * DAY && ms < (LAST_DAY + 2) * DAY)) throw outOfRange(what);
  const day = localReading(ms, timeZone).day;
  if (!(day >= FIRST_DAY && day <= LAST_DAY)) throw outOfRange(what);
  return ms;
}

/**
 * An instant from a Date or an ISO 8601 string (see `readInstant`): an invalid Date when it is
 * neither or lies outside the years 1000 to 9999.
 */
export function instantOf(value: Date | string, timeZone: string): Date {
  try {
    return new Date(readInstant(value, timeZone));
  } catch {
    return new Date(NaN);
  }
}

/** The next instant at which the merchant's date changes. */
export function nextLocalMidnight(now: Date | number, timeZone: string): Date {
  return new Date(instantMs(localDay(now, timeZone) + 1, 0, timeZone, -Infinity));
}

/** How many values of a sorted list are ≤ x. */
function countUpTo(sorted: readonly number[], x: number): number {
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

  /** The listed weekdays, as a bit per weekday (Sunday: bit 0). */
  private readonly weekdays: number;
  private readonly perWeek: number;
  /** The holidays, as day numbers in order, each once. */
  private readonly holidays: number[];
  /** The holidays that fall on a listed weekday (each closes one open day). */
  private readonly closed: number[];

  constructor(weekdays: readonly Weekday[], holidays: readonly LocalDate[]) {
    let [mask, perWeek] = [0, 0];
    for (let i = 0; i < weekdays.length; i++) {
      for (let bit = 0; bit < 7; bit++)
        if (weekdays[i] === WEEKDAYS[bit] && !(mask & (1 << bit))) [mask, perWeek] = [mask | (1 << bit), perWeek + 1];
    }
    [this.weekdays, this.perWeek] = [mask, perWeek];
    const days: Day[] = [];
    for (let i = 0; i < holidays.length; i++) {
      const n = parseDay(holidays[i]!);
      if (n !== undefined) days[days.length] = n;
    }
    sortNumbers(days, (a, b) => a - b);
    [this.holidays, this.closed] = [[], []];
    for (let i = 0; i < days.length; i++) {
      const n = days[i]!;
      if (i > 0 && n === days[i - 1]) continue;
      this.holidays[this.holidays.length] = n;
      if (this.isListed(n)) this.closed[this.closed.length] = n;
    }
  }

  private isListed(n: Day): boolean {
    return (this.weekdays & (1 << weekdayOf(n))) !== 0;
  }

  has(d: Day): boolean {
    const i = countUpTo(this.holidays, d);
    return this.isListed(d) && !(i > 0 && this.holidays[i - 1] === d);
  }

  /** The open days after day `from`, up to and including day `to`. */
  private openBetween(from: Day, to: Day): number {
    const length = to - from;
    let open = floor(length / 7) * this.perWeek;
    for (let n = to - (length % 7) + 1; n <= to; n++) if (this.isListed(n)) open++;
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
    // Far enough: whole weeks give `perWeek` open days each, less at most every closed day ahead.
    const closedAhead = this.closed.length - countUpTo(this.closed, d);
    let [lo, hi] = [d + 1, d + 7 * ceil((n + closedAhead) / this.perWeek)];
    // The first day by which n open days have passed is the n-th open day itself.
    while (lo < hi) {
      const mid = lo + floor((hi - lo) / 2);
      if (this.openBetween(d, mid) >= n) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
