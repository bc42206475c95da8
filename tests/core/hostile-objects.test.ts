/**
 * Objects a program (a host page, a script) hands the core, rather than JSON a file holds: sparse
 * and huge arrays, a polluted Object.prototype, a parsed policy changed afterwards, odd options.
 * Whatever they are, the core answers at once, never throws out of checkPolicy, and never quotes
 * dates the policy does not give (issue 12, §1 and §2).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkPolicy,
  deliveryMethod,
  parsePolicy,
  PolicyError,
  quoteDelivery,
  returnDeadline,
} from '../../src/core/index.js';

type Json = Record<string, any>;

const full = (): Json =>
  JSON.parse(readFileSync(new URL('../fixtures/examples/policy-full.json', import.meta.url), 'utf8')) as Json;
const minimal = (): Json => ({ version: 1, merchant: { timeZone: 'Europe/Paris' } });
const withMethod = (method: Json = {}): Json => ({
  ...minimal(),
  delivery: { methods: [{ id: 'standard', transitDays: { min: 3, max: 4 }, ...method }] },
});
const NOW = '2026-03-02T10:00:00+01:00';

/** The errors of `input`, as `[path, message]`. */
const errorsOf = (input: unknown) => checkPolicy(input, { now: NOW }).errors.map((e) => [e.path, e.message]);

/** Milliseconds `work` takes. */
function timed(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

describe('sparse arrays are refused at the hole, never read as shorter lists', () => {
  it('methods: new Array(3) (was accepted as [], then quoteDelivery threw a RangeError)', () => {
    const input = { ...minimal(), delivery: { methods: new Array(3) } };
    expect(errorsOf(input)).toEqual([
      ['/delivery/methods/0', 'Must not have an empty slot: a list from a program had a hole here.'],
      ['/delivery/methods/1', 'Must not have an empty slot: a list from a program had a hole here.'],
      ['/delivery/methods/2', 'Must not have an empty slot: a list from a program had a hole here.'],
    ]);
    expect(() => quoteDelivery(input, { now: NOW })).toThrow(PolicyError);
  });

  it('businessDays: new Array(2), and a hole between two good days', () => {
    expect(errorsOf({ ...minimal(), calendar: { businessDays: new Array(2) } }).map(([path]) => path)).toEqual([
      '/calendar/businessDays/0',
      '/calendar/businessDays/1',
    ]);

    expect(
      // A hole is what this test is about.
      // eslint-disable-next-line no-sparse-arrays
      errorsOf({ ...minimal(), calendar: { holidays: ['2026-05-01', , '2026-05-08'] } }).map(([path]) => path),
    ).toEqual(['/calendar/holidays/1']);
  });

  it('a hole is not filled from Array.prototype', () => {
    (Array.prototype as unknown as Json)[1] = 'mon';
    try {
      // eslint-disable-next-line no-sparse-arrays
      expect(errorsOf({ ...minimal(), calendar: { businessDays: ['tue', , 'wed'] } }).map(([path]) => path)).toEqual([
        '/calendar/businessDays/1',
      ]);
    } finally {
      delete (Array.prototype as unknown as Json)[1];
    }
  });
});

describe('a huge array is refused before it is read', () => {
  // More items than a 1 MB file can hold (each takes two bytes at least: "0,").
  const MAX = 500_000;

  it(`a Proxy claiming 1e9 items (took 96 s): refused at once, at its path`, () => {
    let reads = 0;
    const huge = new Proxy([], {
      get: (target, key) => (key === 'length' ? 1e9 : (reads++, Reflect.get(target, key))),
    });
    let errors: string[][] = [];
    const ms = timed(() => (errors = errorsOf({ ...minimal(), calendar: { holidays: huge } })));
    expect(errors).toEqual([
      [
        '/calendar/holidays',
        'Must not have more than 500,000 items, more than a 1 MB policy file can hold (found 1,000,000,000).',
      ],
    ]);
    expect(reads).toBeLessThan(10);
    expect(ms).toBeLessThan(500);
  });

  it('a real array of 2,000,000 empty slots, as the policy property may get', () => {
    const methods: unknown[] = [];
    methods.length = 2_000_000;
    let errors: string[][] = [];
    const ms = timed(() => (errors = errorsOf({ ...minimal(), delivery: { methods } })));
    expect(errors).toEqual([
      [
        '/delivery/methods',
        'Must not have more than 500,000 items, more than a 1 MB policy file can hold (found 2,000,000).',
      ],
    ]);
    expect(ms).toBeLessThan(500);
  });

  it(`${MAX.toLocaleString('en')} holidays are still read`, () => {
    const holidays = Array.from({ length: MAX }, () => '2026-05-01');
    const { policy } = checkPolicy({ ...minimal(), calendar: { holidays } }, { now: NOW });
    expect(policy?.calendar.holidays).toEqual(['2026-05-01']);
    // Half a million items (and as many "listed twice" warnings) on a loaded machine.
  }, 30_000);
});

/** Every field name of the format: each one set on Object.prototype before the calls. */
const FIELDS = [
  'version',
  'merchant',
  'name',
  'timeZone',
  'country',
  'policyUrl',
  'calendar',
  'businessDays',
  'deliveryDays',
  'holidays',
  'delivery',
  'padding',
  'methods',
  'id',
  'label',
  'countries',
  'cutoff',
  'handlingDays',
  'transitDays',
  'price',
  'amount',
  'currency',
  'timeSlot',
  'hours',
  'from',
  'to',
  'announced',
  'note',
  'returns',
  'windowDays',
  'fees',
  'condition',
  'refund',
  'method',
  'withinDays',
  'restockingFeePercent',
  'notes',
  'nonRefundable',
  'reason',
  'items',
  'explanation',
  'cancellation',
  'free',
  'until',
  'withinHours',
  'fee',
  'percent',
  'channels',
  'noticeDays',
  'min',
  'max',
  'now',
  '$schema',
];
const POLLUTION: Json = {
  fees: 'free',
  padding: { min: 0, max: 0 },
  handlingDays: { min: 0, max: 0 },
  holidays: ['2026-03-03', '2026-03-04'],
  policyUrl: 'https://evil.example/phish',
  withinHours: 9999,
  now: '2030-01-01T00:00:00Z',
  method: 'express',
  country: 'ZZ',
};

/** `work`'s result with Object.prototype polluted by every field name of the format. */
function polluted<T>(work: () => T): T {
  const proto = Object.prototype as Json;
  for (const key of FIELDS) proto[key] = POLLUTION[key] ?? { min: 0, max: 0 };
  try {
    return work();
  } finally {
    for (const key of FIELDS) delete proto[key];
  }
}

describe('a polluted Object.prototype changes nothing: only own properties are read', () => {
  it('a policy without fees, padding, holidays or a link picks none of them up', () => {
    const input = { ...withMethod(), returns: { windowDays: 30 }, cancellation: { free: { until: 'shipment' } } };
    const clean = JSON.stringify(parsePolicy(input));
    const read = polluted(() => {
      const p = parsePolicy(input);
      return {
        json: JSON.stringify(p),
        fees: p.returns!.fees,
        padding: p.delivery!.methods[0]!.padding,
        link: p.merchant.policyUrl,
        free: 'withinHours' in p.cancellation!.free!,
        handling: p.delivery!.methods[0]!.handlingDays,
      };
    });
    expect(read).toEqual({
      json: clean,
      fees: undefined,
      padding: { min: 1, max: 2 },
      link: undefined,
      free: false,
      handling: { min: 0, max: 0 },
    });
  });

  it('a quote: the same dates as on a clean page (the padding and holidays were picked up)', () => {
    const input = withMethod();
    const clean = quoteDelivery(input, { now: NOW });
    expect(polluted(() => quoteDelivery(input, { now: NOW }))).toEqual(clean);
    // Options too: "now", "method" and "country" are read only when given.
    expect(polluted(() => quoteDelivery(input, {}).method)).toBe('standard');
    expect(polluted(() => deliveryMethod(parsePolicy(input)).id)).toBe('standard');
  });

  it('a policy missing its version or time zone is still refused', () => {
    expect(polluted(() => errorsOf({ merchant: {} }).map(([path]) => path))).toEqual([
      '/version',
      '/merchant/timeZone',
    ]);
  });

  it('the return deadline is worked out without the polluted holidays', () => {
    const input = { ...minimal(), returns: { windowDays: 1 } };
    expect(polluted(() => returnDeadline(input, '2026-03-02'))).toBe(returnDeadline(input, '2026-03-02'));
  });
});

describe('a parsed policy cannot be changed afterwards', () => {
  it('padding set to -5 after parsePolicy (quoted the earliest day before the actual one): refused, the quote unchanged', () => {
    const q = parsePolicy(withMethod());
    const before = quoteDelivery(q, { now: NOW });
    expect(() => {
      (q.delivery!.methods[0] as Json).padding = { min: -5, max: -5 };
    }).toThrow(TypeError);
    expect(() => {
      q.delivery!.methods[0]!.padding.min = -5;
    }).toThrow(TypeError);
    expect(() => q.calendar.holidays.push('2026-03-03')).toThrow(TypeError);
    expect(quoteDelivery(q, { now: NOW })).toEqual(before);
  });

  it('checkPolicy returns a frozen policy too, every level of it', () => {
    const { policy } = checkPolicy(full(), { now: NOW });
    const unfrozen: string[] = [];
    const visit = (v: unknown, path: string) => {
      if (typeof v !== 'object' || v === null) return;
      if (!Object.isFrozen(v)) unfrozen.push(path || '/');
      for (const [k, item] of Object.entries(v)) visit(item, `${path}/${k}`);
    };
    visit(policy, '');
    expect(unfrozen).toEqual([]);
  });

  it('the object given is left as it was, and may still be changed', () => {
    const input = withMethod();
    parsePolicy(input);
    expect(Object.isFrozen(input.delivery.methods[0])).toBe(false);
    expect(input).toEqual(withMethod());
  });
});

describe('checkPolicy never throws, whatever the options', () => {
  it('null options, as checkPolicy(p, null) (threw a TypeError)', () => {
    const result = checkPolicy(withMethod(), null as never);
    expect(result.errors).toEqual([]);
    expect(result.policy).toBeDefined();
  });

  it('an options object whose getter throws (threw)', () => {
    const options = {
      get now(): never {
        throw new Error('getter failed');
      },
    };
    const result = checkPolicy(withMethod(), options);
    expect(result.errors).toEqual([]);
    expect(result.policy).toBeDefined();
  });

  it('options that are a number, a string or a Proxy whose traps throw', () => {
    const trap = () => {
      throw new Error('trap failed');
    };
    for (const options of [42, 'now', new Proxy({}, { get: trap, has: trap, getOwnPropertyDescriptor: trap })]) {
      expect(checkPolicy(withMethod(), options as never).policy).toBeDefined();
    }
  });
});
