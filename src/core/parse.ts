import { lastReturnDay, quoteMethod } from './arithmetic.js';
import { instantOf, isoDay, msOf, parseDay, wallClock } from './calendar.js';
import { PolicyError } from './errors.js';
import type { Say } from './messages.js';
import { unclosedDirection } from './text.js';
import {
  CANCELLATION_CHANNELS,
  FREE_CANCELLATION_UNTIL,
  NON_REFUNDABLE_REASONS,
  REFUND_METHODS,
  RETURN_CHANNELS,
  RETURN_CONDITIONS,
  RETURN_FEES,
  SLOT_ANNOUNCEMENTS,
  WEEKDAYS,
  type Calendar,
  type Delivery,
  type DeliveryMethod,
  type Issue,
  type Policy,
  type Text,
} from './types.js';

export { PolicyError };

export interface CheckResult {
  policy?: Policy;
  errors: Issue[];
  warnings: Issue[];
}

export interface CheckOptions {
  /**
   * The instant the dates are worked out from, for the warnings that depend on it (default: now).
   * An ISO string without an offset is a reading of the merchant's clock.
   */
  now?: Date | string;
}

/**
 * The longest period a policy may state: ten years, as 3,650 days (or 87,600 hours). Anything
 * longer is a typo, and would put dates beyond what a calendar or Intl can show.
 */
export const MAX_DAYS = 3650;

type Json = Record<string, unknown>;
type Reader<T = unknown> = (c: Checker, value: unknown, path: string) => T | undefined;
/** A field of an object shape: its reader, and `true` when it must be present. */
type Field<T = unknown> = readonly [read: Reader<T>, required?: true];
type Fields = Record<string, Field>;
/**
 * What a shape of these fields reads: each field typed by its reader, optional unless required. The
 * policy read is thus typed by the readers themselves, and `withDefaults` builds a `Policy` from it
 * that TypeScript checks.
 */
type Read<F extends Fields> = {
  [K in keyof F as F[K] extends readonly [Reader, true] ? K : never]: F[K] extends Field<infer T> ? T : never;
} & {
  [K in keyof F as F[K] extends readonly [Reader, true] ? never : K]?: F[K] extends Field<infer T> ? T : never;
};

/**
 * A problem as the check finds it: its path, and what to say as a code and its details, which
 * messages.ts puts into words. The check decides valid or invalid without carrying the sentences,
 * which a page loads only for a policy that has problems.
 */
export interface Problem {
  path: string;
  say: Say;
  /** The value found, as the message shows it: read at once, as a getter or a Proxy may change. */
  found?: string;
}

/** What the check finds: `checkPolicy`'s result before its problems are put into words. */
export interface Found {
  policy?: Policy;
  errors: Problem[];
  warnings: Problem[];
}

interface Checker {
  errors: Problem[];
  warnings: Problem[];
}

const MON_FRI = WEEKDAYS.slice(1, 6);

/*
 * Read once, when the module loads. Only own properties of what a caller hands in are read: a host
 * page that sets `Object.prototype.fees` must not give a policy fees it does not state.
 */
const { hasOwn, keys: ownKeys, freeze, isFrozen } = Object;
const { isArray } = Array;

/** `o[key]` when `o` has it as its own property, else undefined (whatever Object.prototype holds). */
export const own = (o: unknown, key: string): unknown =>
  (typeof o === 'object' || typeof o === 'function') && o !== null && hasOwn(o, key) ? (o as Json)[key] : undefined;

/** An object with no prototype: a field it lacks reads undefined, whatever a page adds to Object.prototype. */
const record = <T extends object>(fields: T): T => Object.assign(Object.create(null) as T, fields);

/**
 * The most items a list may have: a 1 MB policy file (the fetch limit) holds no more, as each takes
 * two bytes at least ("0,"). A longer list (only a program can make one) is refused before it is
 * read: a Proxy claiming a billion items took 96 s.
 */
export const MAX_ITEMS = 500_000;

/** Policies this module has produced: `quoteDelivery` and friends need not check them twice. */
const parsed = new WeakSet<object>();

const pointer = (base: string, key: string | number) =>
  `${base}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;

const show = (v: unknown) => {
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    // A BigInt or a cycle, which only a program can pass: checkPolicy must still not throw.
    s = typeof v === 'bigint' ? `${v}n` : 'an object that cannot be shown';
  }
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
};

function fail(c: Checker, path: string, say: Say, value?: unknown): undefined {
  c.errors.push(value === undefined ? { path, say } : { path, say, found: show(value) });
  return undefined;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !isArray(v);

// ---- readers: each returns the value when it is valid, or records an error and returns undefined ----

type Whole = Extract<Say, { 0: 'int' }>[1];

const int =
  (min: number, max: number, what: Whole): Reader<number> =>
  (c, v, path) =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max
      ? (v as number)
      : fail(c, path, ['int', what, min, max], v);

const days = int(0, MAX_DAYS, 'days');

const pattern =
  (re: RegExp, what: Extract<Say, { 0: 'pattern' }>[1], valid: (s: string) => boolean = () => true): Reader<string> =>
  (c, v, path) =>
    typeof v === 'string' && re.test(v) && valid(v) ? v : fail(c, path, ['pattern', what], v);

/** Whether `v` is one of the format's `values` (a list of types.ts), as the type derived from them. */
const isOneOf = <T extends string>(values: readonly T[], v: unknown): v is T => values.includes(v as T);

const oneOf =
  <T extends string>(values: readonly T[]): Reader<T> =>
  (c, v, path) =>
    isOneOf(values, v) ? v : fail(c, path, ['oneOf', values], v);

const time = pattern(/^([01]\d|2[0-3]):[0-5]\d$/, 'time');

const localDate = pattern(/^\d{4}-\d{2}-\d{2}$/, 'date', (s) => parseDay(s) !== undefined);

const currencies = new Set(Intl.supportedValuesOf('currency'));
const currency = pattern(/^[A-Z]{3}$/, 'currency', (s) => currencies.has(s));

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
/**
 * Codes Intl knows as regions but ISO 3166-1 does not assign to a country (reserved, former or
 * private-use codes, and EL, the EU's code for Greece): a method for "UK" or "IC" (the Canaries)
 * would never match a shopper whose country is GB or ES, so they are refused, with the code to
 * write where there is one. With these out, Intl's regions are exactly ISO 3166-1's 249.
 */
const NOT_COUNTRIES: Record<string, string | undefined> = {
  ...Object.fromEntries(
    'AN BU CS DD DY EU EZ HV NH QO RH SU TP UN VD XA XB XK YD YU ZR ZZ'.split(' ').map((code) => [code, undefined]),
  ),
  // Codes for a part of a country, or used for one: the country's own code instead.
  UK: 'GB',
  EL: 'GR',
  IC: 'ES',
  EA: 'ES',
  AC: 'SH',
  TA: 'SH',
  DG: 'IO',
  CP: 'FR',
  CQ: 'GG',
  FX: 'FR',
};

const isoCountry = pattern(/^[A-Z]{2}$/, 'country', (s) => {
  try {
    return regionNames.of(s) !== undefined;
  } catch {
    return false;
  }
});

const country: Reader<string> = (c, v, path) => {
  if (typeof v === 'string' && Object.hasOwn(NOT_COUNTRIES, v)) {
    return fail(c, path, ['notCountry', v, NOT_COUNTRIES[v]]);
  }
  return isoCountry(c, v, path);
};

/** Zones already found valid: making an Intl.DateTimeFormat is slow enough to show at every check. */
const knownZones = new Set<string>();

const timeZone: Reader<string> = (c, v, path) => {
  if (typeof v === 'string' && v) {
    if (knownZones.has(v)) return v;
    try {
      new Intl.DateTimeFormat('en', { timeZone: v });
      knownZones.add(v);
      return v;
    } catch {
      // reported below
    }
  }
  return fail(c, path, ['timeZone'], v);
};

/** Whether `v` is a full http:// or https:// address: the only links a policy may give shoppers. */
export function isHttpUrl(v: unknown): v is string {
  try {
    return typeof v === 'string' && /^https?:$/.test(new URL(v).protocol);
  } catch {
    return false;
  }
}

const httpUrl: Reader<string> = (c, v, path) => (isHttpUrl(v) ? v : fail(c, path, ['httpUrl'], v));

/** Hosts of this machine: the one place a policy may name a plain http:// address, for development. */
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Whether `v` is a full https:// address, or an http:// one on this machine (localhost, 127.0.0.1,
 * [::1]) for development: what a policy may name as a place shoppers send personal data to, or
 * are sent to act on their order (`withdrawal.endpoint`, `cancellation.url`).
 */
export function isSecureUrl(v: unknown): v is string {
  try {
    if (typeof v !== 'string') return false;
    const url = new URL(v);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.includes(url.hostname));
  } catch {
    return false;
  }
}

const secureUrl: Reader<string> = (c, v, path) => (isSecureUrl(v) ? v : fail(c, path, ['secureUrl'], v));

/**
 * Whether `v` has the shape of an e-mail address, `local@domain.tld`: no spaces, one "@", a dot in
 * the domain, none of the characters that would turn it into a list or a `mailto:` with headers.
 * The shape only: whether the mailbox exists is for the shop to know.
 */
export const isEmail = (v: unknown): v is string =>
  typeof v === 'string' &&
  v.length <= 254 &&
  /^[^\s@<>()[\]\\,;:"?&=]+@[^\s@<>()[\]\\,;:"?&=.]+(\.[^\s@<>()[\]\\,;:"?&=.]+)+$/.test(v);

const email: Reader<string> = (c, v, path) => (isEmail(v) ? v : fail(c, path, ['email'], v));

const phone = pattern(/^[\d +\-.()]+$/, 'phone', (s) => /\d/.test(s));

const languageTag = (s: string) => {
  try {
    return Intl.getCanonicalLocales(s).length === 1;
  } catch {
    return false;
  }
};

/** The string, unless a direction control left open in it would turn the page's next words around. */
const directed = (c: Checker, v: string, path: string) => {
  const open = unclosedDirection(v);
  if (!open) return v;
  return fail(c, path, ['direction', open]);
};

const text: Reader<Text> = (c, v, path) => {
  if (typeof v === 'string') return v.trim() ? directed(c, v, path) : fail(c, path, ['empty']);
  if (!isObject(v)) return fail(c, path, ['text'], v);
  const keys = ownKeys(v);
  if (!keys.length) return fail(c, path, ['noLanguage']);
  const before = c.errors.length;
  // A copy of the strings read: what is shown is what was checked, whatever the object does later.
  const out: Record<string, string> = record({});
  for (const k of keys) {
    const [p, s] = [pointer(path, k), v[k]];
    if (!languageTag(k)) fail(c, p, ['languageTag', k]);
    else if (typeof s !== 'string' || !s.trim()) fail(c, p, ['nonEmptyString'], s);
    else if (directed(c, s, p) !== undefined) out[k] = s;
  }
  return c.errors.length === before ? out : undefined;
};

/**
 * A list of items. `distinct: 'error'` rejects an item listed twice (weekdays: the spec says so);
 * `'warn'` keeps the first and warns, since a holiday or a country copied twice changes nothing
 * and must not cost the shopper the whole policy.
 */
const list =
  <T>(
    read: Reader<T>,
    { nonEmpty = false, distinct }: { nonEmpty?: boolean; distinct?: 'error' | 'warn' } = {},
  ): Reader<T[]> =>
  (c, v, path) => {
    if (!isArray(v)) return fail(c, path, ['list'], v);
    // Read once: a Proxy may answer differently each time.
    const length: unknown = v.length;
    if (!(typeof length === 'number' && length <= MAX_ITEMS)) {
      return fail(c, path, ['tooMany', typeof length === 'number' ? length.toLocaleString('en') : show(length)]);
    }
    if (nonEmpty && !length) return fail(c, path, ['emptyList']);
    const before = c.errors.length;
    const kept: T[] = [];
    const seen = new Set<unknown>();
    for (let i = 0; i < length; i++) {
      // A hole (new Array(3)) is no item: map and filter would skip it and read the list as shorter.
      if (!hasOwn(v, i)) {
        fail(c, pointer(path, i), ['hole']);
        continue;
      }
      const item: unknown = v[i];
      const value = read(c, item, pointer(path, i));
      if (!distinct || !seen.has(item)) {
        seen.add(item);
        if (value !== undefined) kept.push(value);
      } else if (distinct === 'error') fail(c, pointer(path, i), ['twice', show(item)]);
      else c.warnings.push({ path: pointer(path, i), say: ['twiceIgnored', show(item)] });
    }
    return c.errors.length === before ? kept : undefined;
  };

/** Reads an object field by field; unknown keys become warnings, as the spec asks. */
const shape =
  <const F extends Fields>(fields: F, check?: (c: Checker, o: Read<F>, path: string) => void): Reader<Read<F>> =>
  (c, v, path) => {
    if (!isObject(v)) return fail(c, path, ['object'], v);
    const before = c.errors.length;
    const out: Json = record({});
    const known = ownKeys(fields);
    for (const key of ownKeys(v)) {
      // Own keys only: "constructor" or "__proto__" are unknown fields too, not Object.prototype's.
      if (!Object.hasOwn(fields, key)) c.warnings.push({ path: pointer(path, key), say: ['unknown', key, known] });
    }
    for (const [key, [read, required]] of Object.entries(fields)) {
      const p = pointer(path, key);
      const given = own(v, key);
      if (given === undefined) {
        if (required) fail(c, p, ['required', key]);
      } else {
        const value = read(c, given, p);
        if (value !== undefined) out[key] = value;
      }
    }
    if (c.errors.length !== before) return undefined;
    // Each value was read by its field's own reader, and every required field is there: Read<F>.
    const read = out as Read<F>;
    check?.(c, read, path);
    return c.errors.length === before ? read : undefined;
  };

const range = shape({ min: [days, true], max: [days, true] }, (c, o, path) => {
  if (o.min > o.max) fail(c, pointer(path, 'max'), ['lessThanMin', o.min], o.max);
});

const money = shape({
  amount: [
    (c, v, path) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fail(c, path, ['amount'], v)),
    true,
  ],
  currency: [currency, true],
});

const percent = int(0, 100, 'percentage');
const weekdays = list(oneOf(WEEKDAYS), { nonEmpty: true, distinct: 'error' });

const method = shape({
  id: [pattern(/^[a-z0-9-]+$/, 'methodId'), true],
  label: [text],
  countries: [list(country, { nonEmpty: true, distinct: 'warn' })],
  cutoff: [time],
  handlingDays: [range],
  transitDays: [range, true],
  padding: [range],
  price: [money],
  timeSlot: [
    shape(
      {
        hours: [int(1, 24, 'hours'), true],
        from: [time, true],
        to: [time, true],
        announced: [oneOf(SLOT_ANNOUNCEMENTS)],
      },
      (c, o, path) => {
        if (o.from >= o.to) fail(c, pointer(path, 'to'), ['laterThanFrom', o.from], o.to);
      },
    ),
  ],
  note: [text],
});

/** Objects of a list must not share an id: products and attributes refer to them by it. */
const uniqueIds =
  <T extends { id: string }>(read: Reader<T[]>): Reader<T[]> =>
  (c, v, path) => {
    const out = read(c, v, path);
    const seen = new Set<unknown>();
    out?.forEach((item, i) => {
      const { id } = item;
      if (seen.has(id)) fail(c, pointer(pointer(path, i), 'id'), ['idTwice', id]);
      seen.add(id);
    });
    return out && c.errors.some((e) => e.path.startsWith(`${path}/`)) ? undefined : out;
  };

const deliveryShape = shape({
  padding: [range],
  methods: [uniqueIds(list(method, { nonEmpty: true })), true],
});

/**
 * Fills in the defaults of delivery: a padding of 1 to 2 days, which a method without its own takes,
 * and no handling days. New objects, which TypeScript checks are a `Delivery`; a key the file has
 * keeps its place, and a default comes after them.
 */
function withPadding(d: NonNullable<ReturnType<typeof deliveryShape>>): Delivery {
  const padding = d.padding ?? record({ min: 1, max: 2 });
  const methods: DeliveryMethod[] = [];
  for (const m of d.methods) {
    methods.push(
      record({
        ...m,
        handlingDays: m.handlingDays ?? record({ min: 0, max: 0 }),
        padding: m.padding ?? record({ ...padding }),
      }),
    );
  }
  return record({ ...d, padding, methods });
}

const policyShape = shape({
  // Editors read the schema's address from here; the widgets have no use for it.
  $schema: [(c, v, path) => (typeof v === 'string' ? v : fail(c, path, ['schema'], v))],
  version: [(c, v, path) => (v === 1 ? 1 : fail(c, path, ['version'], v)), true],
  merchant: [
    shape({
      name: [text],
      timeZone: [timeZone, true],
      country: [country],
      policyUrl: [httpUrl],
      contact: [shape({ email: [email], phone: [phone] })],
    }),
    true,
  ],
  calendar: [
    shape({
      businessDays: [weekdays],
      deliveryDays: [weekdays],
      holidays: [list(localDate, { distinct: 'warn' })],
    }),
  ],
  delivery: [
    (c, v, path) => {
      const d = deliveryShape(c, v, path);
      return d && withPadding(d);
    },
  ],
  returns: [
    shape({
      windowDays: [int(1, MAX_DAYS, 'days'), true],
      fees: [
        (c, v, path) => (isOneOf(RETURN_FEES, v) ? v : isObject(v) ? money(c, v, path) : fail(c, path, ['fees'], v)),
      ],
      methods: [list(oneOf(RETURN_CHANNELS), { distinct: 'warn' })],
      condition: [oneOf(RETURN_CONDITIONS)],
      refund: [
        shape({
          method: [oneOf(REFUND_METHODS)],
          withinDays: [days],
        }),
      ],
      restockingFeePercent: [percent],
      notes: [text],
    }),
  ],
  nonRefundable: [
    uniqueIds(
      list(
        shape({
          id: [pattern(/^[a-z0-9-]+$/, 'nonRefundableId'), true],
          reason: [oneOf(NON_REFUNDABLE_REASONS), true],
          items: [text, true],
          explanation: [text],
        }),
      ),
    ),
  ],
  cancellation: [
    shape({
      free: [
        (c, v, path) => {
          // One or the other: both would leave the shopper to guess which one holds.
          if (isObject(v) && hasOwn(v, 'withinHours') && hasOwn(v, 'until')) return fail(c, path, ['freeBoth']);
          if (isObject(v) && hasOwn(v, 'withinHours'))
            return shape({ withinHours: [int(0, MAX_DAYS * 24, 'hours'), true] })(c, v, path);
          // A wrong "until" is reported at its own path.
          if (isObject(v) && hasOwn(v, 'until'))
            return shape({ until: [oneOf(FREE_CANCELLATION_UNTIL), true] })(c, v, path);
          return fail(c, path, ['free'], v);
        },
      ],
      fee: [
        (c, v, path) =>
          isObject(v) && hasOwn(v, 'percent') ? shape({ percent: [percent, true] })(c, v, path) : money(c, v, path),
      ],
      channels: [list(oneOf(CANCELLATION_CHANNELS), { distinct: 'warn' })],
      noticeDays: [days],
      url: [secureUrl],
    }),
  ],
  withdrawal: [
    shape({
      days: [days],
      endpoint: [secureUrl],
      email: [email],
    }),
  ],
});

/** What the readers make of a valid policy: typed by them, the defaults of delivery filled in. */
type ReadPolicy = NonNullable<ReturnType<typeof policyShape>>;

/**
 * Fills in the defaults of the calendar, so every reader sees the same complete policy, and freezes
 * it. `raw` is the readers' own copy (objects without a prototype), never the caller's object: a
 * policy changed after it was checked (a padding of -5 days) would quote dates it never gave.
 */
function withDefaults(raw: ReadPolicy): Policy {
  const calendar: Partial<Calendar> = raw.calendar ?? record({});
  const businessDays = calendar.businessDays ?? [...MON_FRI];
  // A copy TypeScript checks is a Policy: a key the file has keeps its place, calendar comes last when it has none.
  const policy: Policy = record({
    ...raw,
    calendar: record({
      businessDays,
      deliveryDays: calendar.deliveryDays ?? [...businessDays],
      holidays: calendar.holidays ?? [],
    }),
  });
  return deepFreeze(policy);
}

/** `v` and everything in it, frozen: objects and lists only, as the readers make them. */
function deepFreeze<T>(v: T): T {
  if (typeof v !== 'object' || v === null || isFrozen(v)) return v;
  if (isArray(v)) {
    // Lists of strings (70,000 holidays) need no visit of each item.
    for (let i = 0; i < v.length; i++) if (typeof v[i] === 'object') deepFreeze(v[i]);
  } else for (const key of ownKeys(v)) deepFreeze((v as Json)[key]);
  return freeze(v);
}

/**
 * Holidays that stop before the last date the policy gives today: the dates after them are worked
 * out as if there were no holiday, which the merchant has surely not meant.
 */
function holidaysRunOut(policy: Policy, now: number): Issue | undefined {
  const { holidays } = policy.calendar;
  if (!holidays.length || Number.isNaN(now)) return undefined;
  const last = holidays.reduce((a, b) => (a > b ? a : b));
  let latest = '';
  for (const m of policy.delivery?.methods ?? []) {
    const { quoted } = quoteMethod(policy, m, now);
    if (quoted.latest > latest) latest = quoted.latest;
  }
  if (policy.returns) {
    // An item delivered on the latest date quoted today (or today) may come back until then.
    const delivered = latest || wallClock(now, policy.merchant.timeZone).date;
    latest = isoDay(lastReturnDay(policy, parseDay(delivered)!));
  }
  if (!latest || last >= latest) return undefined;
  // The command that adds them: from the year after the last one listed, two years past the dates given today.
  const years = `${Number(last.slice(0, 4)) + 1}-${Number(latest.slice(0, 4)) + 2}`;
  const command = `npx policy-explainer holidays ${policy.merchant.country ?? '<country>'} --years ${years} --write <policy file>`;
  return {
    path: '/calendar/holidays',
    message: `The last holiday listed is ${last}: quotes after it assume no holiday; add next year's holidays (${command}).`,
  };
}

/** Puts a problem into words: messages.ts, once loaded (it registers itself with `useWords`). */
let words: ((problem: Problem) => string) | undefined;

/**
 * Called by messages.ts as it loads. The core's entry (core/index.ts) imports it, so that
 * `checkPolicy`, `parsePolicy` and the functions that parse for them word every problem as ever;
 * the elements load it by a dynamic `import()`, for a policy that has problems only.
 */
export const useWords = (put: (problem: Problem) => string) => {
  words = put;
};

/** Whether messages.ts is loaded: problems can be put into words at once. */
export const hasWords = () => words !== undefined;

/**
 * What the check found, its problems in words: `checkPolicy`'s result. Without messages.ts (its
 * chunk could not be loaded) each problem is named by its code, at its path.
 */
export const describe = (found: Found): CheckResult => ({
  ...found,
  errors: found.errors.map(issue),
  warnings: found.warnings.map(issue),
});

const issue = (problem: Problem): Issue => ({ path: problem.path, message: words?.(problem) ?? problem.say[0] });

/**
 * Checks a policy without throwing: every error and warning at its own JSON Pointer path.
 * `policy` (with defaults applied) is present only when there are no errors. Some warnings depend
 * on the date (holidays that run out): `now` sets it, for tests and for checking ahead.
 */
export function checkPolicy(input: unknown, options?: CheckOptions): CheckResult {
  let now: unknown;
  try {
    now = own(options, 'now');
  } catch {
    // A getter or a Proxy that throws: no instant to work the dated warnings out for.
    now = new Date(NaN);
  }
  return describe(safely(input, (now as CheckOptions['now']) ?? new Date()));
}

/**
 * `checkPolicy` without the warnings that depend on the date, which cost a quote of every method:
 * the elements check at first render and ask `datedWarnings` once the page is idle.
 */
export const checkPolicyUndated = (input: unknown): CheckResult => describe(safely(input, undefined));

/**
 * `checkPolicyUndated` with its problems not yet in words: the same verdict, the same policy.
 * For the elements, which load the words (messages.ts) only when there are problems.
 */
export const findProblems = (input: unknown): Found => safely(input, undefined);

/** The warnings of a valid policy that depend on the date (holidays that run out); never throws. */
export function datedWarnings(policy: Policy, now: Date | number): Issue[] {
  try {
    const runOut = holidaysRunOut(policy, msOf(now));
    return runOut ? [runOut] : [];
  } catch {
    // Only a warning: it never turns a policy parsePolicy accepts into a rejected one.
    return [];
  }
}

/** `check`, never throwing; `now` undefined leaves out the warnings that depend on the date. */
function safely(input: unknown, now: Date | string | undefined): Found {
  const c: Checker = { errors: [], warnings: [] };
  try {
    return check(c, input, now);
  } catch (e) {
    // Only a program can get here (a getter or a Proxy that throws): still no exception out.
    fail(c, '', ['unreadable', messageOf(e)]);
    return { errors: c.errors, warnings: c.warnings };
  }
}

const messageOf = (e: unknown) => {
  try {
    return e instanceof Error ? e.message : String(e);
  } catch {
    return 'an exception that cannot be shown';
  }
};

function check(c: Checker, input: unknown, now: Date | string | undefined): Found {
  let value = input;
  if (typeof input === 'string') {
    try {
      // A byte-order mark, as some editors save UTF-8 files, is not part of the JSON.
      value = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch (e) {
      fail(c, '', ['json', (e as Error).message]);
      return c;
    }
  }
  const raw = policyShape(c, value, '');
  if (!raw || c.errors.length) return { errors: c.errors, warnings: c.warnings };
  if (raw.nonRefundable?.length === 0) c.warnings.push({ path: '/nonRefundable', say: ['emptyNonRefundable'] });
  if (raw.cancellation && !Object.keys(raw.cancellation).length)
    c.warnings.push({ path: '/cancellation', say: ['emptyCancellation'] });
  if (raw.withdrawal && !Object.keys(raw.withdrawal).length)
    c.warnings.push({ path: '/withdrawal', say: ['emptyWithdrawal'] });
  const policy = withDefaults(raw);
  if (now !== undefined) {
    for (const { path, message } of datedWarnings(policy, instantOf(now, policy.merchant.timeZone)))
      c.warnings.push({ path, say: ['said', message] });
  }
  parsed.add(policy);
  return { policy, errors: c.errors, warnings: c.warnings };
}

/** Whether `input` is a policy `checkPolicy` or `parsePolicy` made: valid, its problems already reported. */
export const isParsedPolicy = (input: unknown): input is Policy => parsed.has(input as object);

/** Returns the normalized policy (defaults applied), or throws a `PolicyError` listing every problem. */
export function parsePolicy(input: unknown): Policy {
  // WeakSet.has is false for anything not made here, primitives included, and runs no getter.
  if (isParsedPolicy(input)) return input;
  // Warnings play no part here: no need to work out how far the dates reach.
  const { policy, errors } = safely(input, undefined);
  if (!policy) throw new PolicyError(errors.map(issue));
  return policy;
}
