/**
 * Fuzzing the validator and the arithmetic with random input: random JSON values and texts, any
 * JavaScript value at all, and valid policies mutated (a path deleted, a value replaced by random
 * JSON, by an edge value or by random Unicode, types swapped, ids duplicated, keys misspelt, day
 * counts and calendars pushed to their limits).
 *
 * For every input: `checkPolicy` never throws and says the same as `parsePolicy`, which throws
 * nothing but a PolicyError; no call takes longer than BOUND_MS; and every accepted policy gives,
 * for each method at a random instant, a quote that keeps the spec's invariants ("Honest padding"):
 * quoted ⊇ actual in order, earliest ≤ latest, every date a delivery day, received a business day.
 *
 * 10,000 cases per run; FUZZ_RUNS=100000 for more. FC_SEED replays a run (fast-check prints it).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { examplePolicies } from './arbitraries.js';
import {
  checkPolicy,
  freeCancellationEnd,
  parsePolicy,
  PolicyError,
  quoteDelivery,
  returnDeadline,
  wallClock,
  type Issue,
  type Policy,
  type Weekday,
} from '../../src/core/index.js';

type Json = Record<string, unknown>;

const TOTAL = Math.max(10_000, Number(process.env.FUZZ_RUNS) || 0);
const SHARE = { jsonValue: 0.15, jsonText: 0.1, anything: 0.15, mutated: 0.6 };
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
const runs = (kind: keyof typeof SHARE) => ({
  numRuns: Math.ceil(TOTAL * SHARE[kind]),
  ...(seed === undefined ? {} : { seed }),
});
/** Generous, for a busy CI machine: a page must never freeze on a policy, whatever it holds. */
const BOUND_MS = 200;
const TIMEOUT = 60_000;

const DAY = 86_400_000;
const WEEKDAYS: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const FROM = Date.UTC(1970, 0, 1);
const UNTIL = Date.UTC(2200, 0, 1);

// ---- the seeds: every valid policy of the fixtures ----

const SEEDS = examplePolicies();

// ---- timing ----

const slowest = { ms: 0, what: '' };

/**
 * Calls `call` and keeps the slowest duration seen. A call over the bound is timed again (the
 * functions are pure): a pause of the machine or of the garbage collector is not the input's
 * fault, but an input that is really slow stays slow every time.
 */
function timed<T>(what: string, input: unknown, call: () => T): T {
  let ms = Infinity;
  let result!: T;
  for (let attempt = 0; attempt < 3 && ms >= BOUND_MS; attempt++) {
    const start = performance.now();
    try {
      result = call();
    } finally {
      ms = Math.min(ms, performance.now() - start);
    }
  }
  if (ms > slowest.ms) {
    let shown: string;
    try {
      shown = JSON.stringify(input)?.slice(0, 300) ?? String(input);
    } catch {
      shown = typeof input;
    }
    Object.assign(slowest, { ms, what: `${what} of ${shown}` });
  }
  return result;
}

// ---- what must hold for any input ----

const counts = { accepted: 0, rejected: 0, quotes: 0 };

const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const weekdayOf = (iso: string) => WEEKDAYS[new Date(dayOf(iso)).getUTCDay()]!;
const plusDays = (iso: string, n: number) => new Date(dayOf(iso) + n * DAY).toISOString().slice(0, 10);

function expectIssues(issues: Issue[]) {
  expect(Array.isArray(issues)).toBe(true);
  for (const { path, message } of issues) {
    expect(path === '' || path.startsWith('/'), path).toBe(true);
    expect(typeof message === 'string' && message.length > 0).toBe(true);
  }
}

/** The invariants of every quote, returns deadline and free-cancellation end of an accepted policy. */
function expectTruthful(policy: Policy, now: Date) {
  const holidays = new Set(policy.calendar.holidays);
  const open = (days: Weekday[], iso: string) => days.includes(weekdayOf(iso)) && !holidays.has(iso);
  const today = wallClock(now, policy.merchant.timeZone).date;

  for (const m of policy.delivery?.methods ?? []) {
    const q = timed('quoteDelivery', policy, () => quoteDelivery(policy, { method: m.id, now }));
    counts.quotes++;
    const { actual: A, quoted: Q } = q;
    expect(q.method).toBe(m.id);
    expect(open(policy.calendar.businessDays, q.received), `received ${q.received} is a business day`).toBe(true);
    expect(q.received >= today).toBe(true);
    expect(A.earliest >= q.received && A.earliest <= A.latest, 'actual in order').toBe(true);
    expect(Q.earliest >= A.earliest && Q.latest >= A.latest, 'never sooner than the carrier').toBe(true);
    expect(Q.earliest <= Q.latest, 'quoted in order').toBe(true);
    for (const d of [A.earliest, A.latest, Q.earliest, Q.latest]) {
      expect(/^\d{4}-\d{2}-\d{2}$/.test(d), d).toBe(true);
      expect(open(policy.calendar.deliveryDays, d), `${d} is a delivery day`).toBe(true);
    }
    const { handlingDays: h, transitDays: t, padding: p } = m;
    expect([A.minDays, A.maxDays, Q.minDays, Q.maxDays]).toEqual([
      h.min + t.min,
      h.max + t.max,
      h.min + t.min + p.min,
      h.max + t.max + p.max,
    ]);
    if (q.cutoff) expect(Date.parse(q.cutoff)).toBeGreaterThan(now.getTime());
  }
  if (policy.returns) {
    const deadline = timed('returnDeadline', policy, () => returnDeadline(policy, today));
    expect(deadline >= plusDays(today, policy.returns.windowDays)).toBe(true);
    expect(open(policy.calendar.businessDays, deadline), `deadline ${deadline} is a business day`).toBe(true);
  }
  if (policy.cancellation) {
    const end = timed('freeCancellationEnd', policy, () => freeCancellationEnd(policy, now));
    if (end !== undefined) expect(Date.parse(end)).toBeGreaterThanOrEqual(now.getTime());
  }
}

/** Runs everything on one input; true when the policy was accepted. */
function exercise(input: unknown, now: Date): boolean {
  const result = timed('checkPolicy', input, () => checkPolicy(input, { now }));
  expectIssues(result.errors);
  expectIssues(result.warnings);
  expect(result.policy === undefined).toBe(result.errors.length > 0);
  let policy: Policy;
  try {
    policy = timed('parsePolicy', input, () => parsePolicy(input));
  } catch (e) {
    expect(e).toBeInstanceOf(PolicyError);
    expect((e as PolicyError).issues).toEqual(result.errors);
    counts.rejected++;
    return false;
  }
  expect(result.policy).toEqual(policy);
  counts.accepted++;
  expectTruthful(policy, now);
  return true;
}

// ---- arbitraries ----

const instant = fc.integer({ min: FROM, max: UNTIL }).map((t) => new Date(t));
const isoDay = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
/** Any date from 1970 to 9999, or one of the next few years, where quotes fall. */
const anyDay = fc.oneof(
  fc.integer({ min: 0, max: 2_932_896 }).map(isoDay),
  fc.integer({ min: 20_000, max: 22_000 }).map(isoDay),
);
const dayCount = fc.oneof(fc.constantFrom(0, 1, 3649, 3650), fc.integer({ min: 0, max: 3650 }));
const dayRange = fc.tuple(dayCount, dayCount).map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) }));
const weekdays = fc.subarray(WEEKDAYS, { minLength: 1 });

/** Values at the edges of what the format allows, and just past them. */
const edgeValue = fc.constantFrom<unknown>(
  0,
  -1,
  -0,
  0.5,
  1e9,
  3650,
  3651,
  87_600,
  87_601,
  2 ** 31,
  Number.MAX_SAFE_INTEGER,
  1e308,
  -1e308,
  5e-324,
  '',
  ' ',
  '3',
  '1',
  'null',
  null,
  true,
  false,
  [],
  {},
  [[]],
  { min: 0 },
  { min: 2, max: 1 },
  '9999-12-31',
  '0000-01-01',
  '2028-02-29',
  '2027-02-29',
  '2026-13-01',
  '2026-1-1',
  'Europe/Paris',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'Asia/Kolkata',
  'UTC',
  'Mars/Olympus',
  'Etc/GMT+12',
  '00:00',
  '23:59',
  '24:00',
  '9:00',
  'mon',
  'sun',
  'Mon',
  'EUR',
  'eur',
  'XXX',
  'FR',
  'fr',
  'ZZ',
  'https://shop.example/cgv',
  'javascript:alert(1)',
  'data:,x',
  '__proto__',
  'constructor',
  'toString',
  '\u202Eevil',
  '\u202Eevil\u202C',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🚚',
  'x'.repeat(10_000),
  { en: '' },
  { '': 'x' },
  { 'en-US-US': 'x' },
);

type Mutation =
  | { kind: 'delete' | 'swap' | 'duplicate'; at: number }
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'rename'; at: number; typo: string }
  | {
      kind: 'ranges';
      at: number;
      handling: unknown;
      transit: unknown;
      padding: unknown;
      windowDays: number;
      hours: number;
    }
  | { kind: 'calendar'; businessDays: Weekday[]; deliveryDays: Weekday[]; holidays: string[] };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'swap' as const, 'duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: edgeValue }),
  fc.record({
    kind: fc.constant('replace' as const),
    at: fc.nat(),
    value: fc.string({ unit: 'binary', maxLength: 40 }),
  }),
  fc.record({ kind: fc.constant('rename' as const), at: fc.nat(), typo: fc.string({ maxLength: 2 }) }),
  // Valid but extreme: weighted up, so that many mutated policies are accepted and quoted.
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('ranges' as const),
      at: fc.nat(),
      handling: dayRange,
      transit: dayRange,
      padding: dayRange,
      windowDays: fc.integer({ min: 1, max: 3650 }),
      hours: fc.integer({ min: 0, max: 87_600 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('calendar' as const),
      businessDays: weekdays,
      deliveryDays: weekdays,
      holidays: fc.uniqueArray(anyDay, { maxLength: 80 }),
    }),
  },
);

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every [container, key] of a JSON tree, the root's own keys included. */
function slots(value: unknown): [Json | unknown[], string | number][] {
  const out: [Json | unknown[], string | number][] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach((item, i) => (out.push([v, i]), visit(item)));
    else if (typeof v === 'object' && v !== null)
      for (const [k, item] of Object.entries(v)) (out.push([v as Json, k]), visit(item));
  };
  visit(value);
  return out;
}

function mutate(policy: Json, m: Mutation): void {
  if (m.kind === 'calendar') {
    policy.calendar = { businessDays: m.businessDays, deliveryDays: m.deliveryDays, holidays: m.holidays };
    return;
  }
  if (m.kind === 'ranges') {
    // Earlier mutations may have left anything anywhere: only objects are written into.
    const methods = (policy.delivery as Json | undefined)?.methods;
    const method = Array.isArray(methods) ? methods[m.at % Math.max(methods.length, 1)] : undefined;
    if (isObject(method))
      Object.assign(method, { handlingDays: m.handling, transitDays: m.transit, padding: m.padding });
    if (isObject(policy.returns)) policy.returns.windowDays = m.windowDays;
    const free = isObject(policy.cancellation) ? policy.cancellation.free : undefined;
    if (isObject(free) && 'withinHours' in free) free.withinHours = m.hours;
    return;
  }
  const all = slots(policy);
  if (!all.length) return;
  const [container, key] = all[m.at % all.length]!;
  const get = () => (container as Json)[key as string];
  const set = (v: unknown) => ((container as Json)[key as string] = v);
  switch (m.kind) {
    case 'delete':
      if (Array.isArray(container)) container.splice(key as number, 1);
      else delete container[key as string];
      break;
    case 'replace':
      set(m.value);
      break;
    case 'swap': {
      // A value of another type that says the same: "3" for 3, [x] for x, {0: a} for [a], values for an object.
      const v = get();
      set(
        typeof v === 'number'
          ? String(v)
          : typeof v === 'string'
            ? [v]
            : Array.isArray(v)
              ? { ...v }
              : typeof v === 'object' && v
                ? Object.values(v)
                : { value: v },
      );
      break;
    }
    case 'duplicate':
      // Within a list, a copy of an item: the same id twice, the same weekday twice…
      if (Array.isArray(container)) container.push(structuredClone(get()));
      else set([get(), structuredClone(get())]);
      break;
    case 'rename':
      if (!Array.isArray(container)) {
        const v = get();
        delete container[key as string];
        container[`${key}${m.typo}`.toLowerCase()] = v;
      }
      break;
  }
}

const mutated = fc
  .tuple(fc.nat({ max: SEEDS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([i, mutations]) => {
    const policy = structuredClone(SEEDS[i]!);
    // Copies: an edge value such as `{}` is one shared object; written into a policy by reference, a
    // later mutation could change it for every case after, or put it inside itself (a cycle).
    for (const m of mutations) mutate(policy, structuredClone(m));
    return policy;
  });

// ---- the properties ----

describe('fuzzing checkPolicy, parsePolicy and the arithmetic', () => {
  it(
    'random JSON values: never an exception but a PolicyError',
    () => {
      fc.assert(
        fc.property(fc.jsonValue(), instant, (v, now) => void exercise(v, now)),
        runs('jsonValue'),
      );
    },
    TIMEOUT,
  );

  it(
    'random texts, JSON or not',
    () => {
      fc.assert(
        fc.property(fc.oneof(fc.json(), fc.string({ unit: 'binary' })), instant, (v, now) => void exercise(v, now)),
        runs('jsonText'),
      );
    },
    TIMEOUT,
  );

  it(
    'any JavaScript value (BigInt, Map, sparse arrays, null-prototype objects, boxed values…)',
    () => {
      const anything = fc.anything({
        withBigInt: true,
        withBoxedValues: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withNullPrototype: true,
        withObjectString: true,
        withSparseArray: true,
        withTypedArray: true,
        stringUnit: 'binary',
      });
      fc.assert(
        fc.property(anything, instant, (v, now) => void exercise(v, now)),
        runs('anything'),
      );
    },
    TIMEOUT,
  );

  it(
    'mutated valid policies: every accepted one keeps the invariants',
    () => {
      const before = counts.accepted;
      fc.assert(
        fc.property(mutated, instant, (p, now) => void exercise(p, now)),
        runs('mutated'),
      );
      // Enough of them are accepted for the invariants to be tested often.
      expect(counts.accepted - before).toBeGreaterThan(runs('mutated').numRuns * 0.25);
    },
    TIMEOUT,
  );

  it('extreme but valid policies: ten years of days, one open weekday, a holiday in 9999', () => {
    const policy = {
      version: 1,
      merchant: { timeZone: 'Pacific/Kiritimati', policyUrl: 'https://shop.example/cgv' },
      calendar: { businessDays: ['sun'], deliveryDays: ['sat'], holidays: ['2026-03-07', '2026-03-08', '9999-12-31'] },
      delivery: {
        methods: [
          {
            id: 'slow',
            cutoff: '00:00',
            handlingDays: { min: 3650, max: 3650 },
            transitDays: { min: 3650, max: 3650 },
            padding: { min: 3650, max: 3650 },
          },
        ],
      },
      returns: { windowDays: 3650 },
      cancellation: { free: { withinHours: 87_600 } },
    };
    const now = new Date('2026-03-02T10:00:00Z');
    expect(exercise(policy, now)).toBe(true);
    const { quoted } = quoteDelivery(policy, { now });
    // 3650 Sundays of preparing, then 7300 Saturdays of carrying: about 210 years ahead.
    expect(quoted.latest.slice(0, 2)).toBe('22');
  });

  it(
    'the worst file under the 1 MB fetch limit: 70,000 holidays, one on every open day for 190 years',
    () => {
      const holidays: string[] = [];
      for (let t = Date.UTC(2026, 0, 5); holidays.length < 70_000; t += DAY)
        if (new Date(t).getUTCDay() !== 0) holidays.push(isoDay(t / DAY));
      const policy = {
        version: 1,
        merchant: { timeZone: 'UTC' },
        calendar: { businessDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], holidays },
        delivery: {
          methods: [
            {
              id: 'a',
              handlingDays: { min: 3650, max: 3650 },
              transitDays: { min: 3650, max: 3650 },
              padding: { min: 3650, max: 3650 },
            },
          ],
        },
        returns: { windowDays: 3650 },
      };
      const text = JSON.stringify(policy);
      expect(text.length).toBeLessThan(1_000_000);
      const now = new Date('2026-03-02T10:00:00Z');
      const time = (call: () => unknown) =>
        Math.min(...[0, 1].map(() => ((t) => (call(), performance.now() - t))(performance.now())));
      // Read once per page; each element quotes it at every render.
      expect(time(() => checkPolicy(text, { now }))).toBeLessThan(1000);
      // The first quote and deadline of a policy read its holidays (later ones reuse what was read):
      // each is timed once, on a fresh copy.
      const fresh = () => parsePolicy(structuredClone(policy));
      const once = (call: () => unknown) => ((t) => (call(), performance.now() - t))(performance.now());
      const [forQuote, forDeadline] = [fresh(), fresh()];
      expect(once(() => quoteDelivery(forQuote, { now }))).toBeLessThan(BOUND_MS);
      expect(once(() => returnDeadline(forDeadline, '2026-03-02'))).toBeLessThan(BOUND_MS);
      const parsed = fresh();
      // Only Sundays stay open while the list lasts: every date falls on one.
      const { actual, quoted } = quoteDelivery(parsed, { now });
      expect([actual.earliest, actual.latest, quoted.earliest, quoted.latest].map(weekdayOf)).toEqual([
        'sun',
        'sun',
        'sun',
        'sun',
      ]);
    },
    TIMEOUT,
  );

  it(`runs ${TOTAL.toLocaleString('en')} cases at least, each call within ${BOUND_MS} ms`, () => {
    const total = Object.keys(SHARE).reduce((n, k) => n + runs(k as keyof typeof SHARE).numRuns, 0);
    expect(total).toBeGreaterThanOrEqual(10_000);
    expect(counts.accepted + counts.rejected).toBeGreaterThanOrEqual(10_000);
    expect(counts.quotes).toBeGreaterThan(1_000);
    console.log(
      `fuzz: ${counts.accepted} accepted, ${counts.rejected} rejected, ${counts.quotes} quotes; slowest call ${slowest.ms.toFixed(1)} ms`,
    );
    expect(slowest.ms, `the slowest call: ${slowest.what}`).toBeLessThan(BOUND_MS);
  });
});
