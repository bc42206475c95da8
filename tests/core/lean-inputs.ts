/**
 * Inputs for comparing two ways of checking a policy (tests/core/lean-check.test.ts): every policy
 * of the fixtures (as an object and as its text), hostile and edge values (those of
 * validation.test.ts, hostile-objects.test.ts and fuzz.test.ts), and valid policies mutated at
 * random with a fixed seed, so that each call gives the same inputs. Made anew at each call: a
 * Proxy or a getter may count its reads, and a check must not see another's leftovers.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { anyValue, examplePolicies } from './arbitraries.js';

type Json = Record<string, unknown>;

const FIXTURES = new URL('../fixtures/', import.meta.url);

/** Every .json file under tests/fixtures, as [name, text]. */
function fixtureTexts(): [string, string][] {
  const out: [string, string][] = [];
  const visit = (dir: URL, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.isDirectory()) visit(new URL(`${entry.name}/`, dir), `${prefix}${entry.name}/`);
      else if (entry.name.endsWith('.json'))
        out.push([`${prefix}${entry.name}`, readFileSync(new URL(entry.name, dir), 'utf8')]);
    }
  };
  visit(FIXTURES, '');
  return out;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The policies of the fixtures: a file that is one (it has a version or a merchant), or holds one as `policy`. */
function fixturePolicies(): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [name, text] of fixtureTexts()) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      // Not JSON: its text is still an input, below.
    }
    const policyLike = (v: unknown) => isObject(v) && ('version' in v || 'merchant' in v);
    if (name.startsWith('bad/') || policyLike(value)) {
      out.push([`fixtures/${name}`, value], [`fixtures/${name} (text)`, text]);
    }
    if (isObject(value) && 'policy' in value) out.push([`fixtures/${name} .policy`, value.policy]);
  }
  return out;
}

const minimal = (): Json => ({ version: 1, merchant: { timeZone: 'Europe/Paris' } });
const withSection = (key: string, section: unknown): Json => ({ ...minimal(), [key]: section });
const withMethod = (method: Json): Json =>
  withSection('delivery', { methods: [{ id: 'standard', transitDays: { min: 3, max: 4 }, ...method }] });

/** Values a program may hand in, and policies at and past the edges of the format. */
function hostile(): [string, unknown][] {
  const cyclic: Json = {};
  cyclic.self = cyclic;
  const huge = new Proxy([], { get: (target, key) => (key === 'length' ? 1e9 : Reflect.get(target, key)) });
  const longList: unknown[] = [];
  longList.length = 2_000_000;
  const throwing = new Proxy(
    {},
    {
      get: () => {
        throw new Error('trap');
      },
      ownKeys: () => {
        throw new Error('ownKeys trap');
      },
    },
  );
  const getter = {
    version: 1,
    get merchant(): never {
      throw new RangeError('getter');
    },
  };
  const throwsOddly = {
    version: 1,
    get merchant(): never {
      throw 42;
    },
  };
  const holed = ['mon', 'wed', 'tue'];
  delete holed[1];
  return [
    ['null', null],
    ['undefined', undefined],
    ['an array', [minimal()]],
    ['a number', 42],
    ['true', true],
    ['an empty string', ''],
    ['a function', () => minimal()],
    ['a Date', new Date(0)],
    ['a Map', new Map([['version', 1]])],
    ['a symbol', Symbol('policy')],
    ['an object without a prototype', Object.assign(Object.create(null) as Json, minimal())],
    ['a BigInt where a number goes', { version: 1n, merchant: { timeZone: 'UTC' } }],
    ['a cycle where a time zone goes', { version: 1, merchant: { timeZone: cyclic } }],
    ['a Proxy claiming 1e9 holidays', { ...minimal(), calendar: { holidays: huge } }],
    ['2,000,000 empty slots', { ...minimal(), delivery: { methods: longList } }],
    ['holes in methods', { ...minimal(), delivery: { methods: new Array(3) } }],
    ['a hole between two good days', { ...minimal(), calendar: { businessDays: holed } }],
    ['a Proxy whose traps throw', throwing],
    ['a getter that throws an Error', getter],
    ['a getter that throws a number', throwsOddly],
    ['text that is not JSON', '{"version": 1,'],
    ['text with a byte-order mark', `\uFEFF${JSON.stringify(minimal())}`],
    ['a misspelt top-level key', { ...minimal(), delivry: {} }],
    ['misspelt keys everywhere', { ...minimal(), merchnat: 1, calender: {}, retruns: {}, x: 1, constructor: 2 }],
    ['a misspelt key a megabyte long', { ...minimal(), ['k'.repeat(1_000_000)]: 1 }],
    ['__proto__ as an own key', JSON.parse('{"version": 1, "merchant": {"timeZone": "UTC"}, "__proto__": {"x": 1}}')],
    ['a reserved country', { ...minimal(), merchant: { timeZone: 'UTC', country: 'EU' } }],
    ['UK for GB', { ...minimal(), merchant: { timeZone: 'UTC', country: 'UK' } }],
    ['an unclosed override', { ...minimal(), merchant: { timeZone: 'UTC', name: '\u202Eevil' } }],
    ['an unclosed isolate in a language', { ...minimal(), merchant: { timeZone: 'UTC', name: { en: 'a\u2067b' } } }],
    ['a bad language tag', { ...minimal(), merchant: { timeZone: 'UTC', name: { 'en-US-US': 'x', '': 'y' } } }],
    ['an empty text object', { ...minimal(), merchant: { timeZone: 'UTC', name: {} } }],
    ['an empty text', { ...minimal(), merchant: { timeZone: 'UTC', name: '  ' } }],
    ['a non-string text', { ...minimal(), merchant: { timeZone: 'UTC', name: { en: 5, fr: undefined } } }],
    ['a number for a text', { ...minimal(), merchant: { timeZone: 'UTC', name: 5 } }],
    [
      'weekdays twice',
      { ...minimal(), calendar: { businessDays: ['mon', 'mon'], holidays: ['2026-01-01', '2026-01-01'] } },
    ],
    ['a long value listed twice', { ...minimal(), calendar: { holidays: ['x'.repeat(100), 'x'.repeat(100)] } }],
    ['min above max', withMethod({ transitDays: { min: 5, max: 4 } })],
    ['a slot ending before it starts', withMethod({ timeSlot: { hours: 2, from: '10:00', to: '09:00' } })],
    [
      'a duplicate method id',
      withSection('delivery', {
        methods: [
          { id: 'a', transitDays: { min: 1, max: 2 } },
          { id: 'a', transitDays: { min: 1, max: 2 } },
        ],
      }),
    ],
    ['an empty methods list', withSection('delivery', { methods: [] })],
    ['fees neither a word nor money', withSection('returns', { windowDays: 30, fees: 'cheap' })],
    ['fees as a bad amount', withSection('returns', { windowDays: 30, fees: { amount: -1, currency: 'eur' } })],
    ['free cancellation both ways', withSection('cancellation', { free: { until: 'shipment', withinHours: 2 } })],
    ['free cancellation neither', withSection('cancellation', { free: { x: 1 } })],
    ['free cancellation a bad until', withSection('cancellation', { free: { until: 'delivery' } })],
    ['a cancellation fee percent', withSection('cancellation', { fee: { percent: 101 } })],
    ['an http endpoint', withSection('withdrawal', { endpoint: 'http://shop.example/w', email: 'a@b' })],
    ['empty sections', { ...minimal(), nonRefundable: [], cancellation: {}, withdrawal: {} }],
    ['a schema that is not a string', { ...minimal(), $schema: 5 }],
    ['version 2', { ...minimal(), version: 2 }],
    ['a money amount that is Infinity', withMethod({ price: { amount: Infinity, currency: 'EUR' } })],
    ['a bad time zone', { version: 1, merchant: { timeZone: 'Mars/Olympus' } }],
    ['an empty time zone', { version: 1, merchant: { timeZone: '' } }],
    [
      'bad contact',
      { version: 1, merchant: { timeZone: 'UTC', contact: { email: 'x', phone: 'call us' }, policyUrl: 'ftp://x' } },
    ],
    ['a holiday February 30', { ...minimal(), calendar: { holidays: ['2026-02-30', 'x'] } }],
    ['a weekday not known', { ...minimal(), calendar: { deliveryDays: ['Mon'] } }],
    ['ranges past ten years', withMethod({ transitDays: { min: 0, max: 3651 }, handlingDays: { min: 0.5, max: 1 } })],
  ];
}

/** Anything at all, then policy-shaped things with random JSON or edge values put in them. */
function random(count: number, seed: number): [string, unknown][] {
  const anything = anyValue();
  const seeds = examplePolicies();
  const edge = fc.constantFrom<unknown>(
    0,
    -1,
    0.5,
    3650,
    3651,
    '',
    ' ',
    '1',
    null,
    true,
    [],
    {},
    { min: 2, max: 1 },
    '2027-02-29',
    'Mars/Olympus',
    '24:00',
    'Mon',
    'eur',
    'ZZ',
    'UK',
    'javascript:alert(1)',
    '__proto__',
    '\u202Eevil',
    { en: '' },
    { 'en-US-US': 'x' },
  );
  /** Every [container, key] of a JSON tree. */
  const slots = (value: unknown): [Json | unknown[], string | number][] => {
    const out: [Json | unknown[], string | number][] = [];
    const visit = (v: unknown) => {
      if (Array.isArray(v)) v.forEach((item, i) => (out.push([v, i]), visit(item)));
      else if (isObject(v)) for (const [k, item] of Object.entries(v)) (out.push([v, k]), visit(item));
    };
    visit(value);
    return out;
  };
  const change = fc.record({
    at: fc.nat(),
    kind: fc.constantFrom('delete', 'json', 'edge', 'rename', 'duplicate'),
    value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), edge),
    typo: fc.string({ maxLength: 2 }),
  });
  const mutated = fc
    .tuple(fc.nat({ max: seeds.length - 1 }), fc.array(change, { minLength: 1, maxLength: 4 }))
    .map(([i, changes]) => {
      const policy = structuredClone(seeds[i]!);
      for (const m of changes) {
        const all = slots(policy);
        if (!all.length) break;
        const [container, key] = all[m.at % all.length]!;
        const c = container as Json;
        const value = structuredClone(m.value);
        if (m.kind === 'delete') {
          if (Array.isArray(container)) container.splice(key as number, 1);
          else delete c[key];
        } else if (m.kind === 'rename' && !Array.isArray(container)) {
          const v = c[key];
          delete c[key];
          c[`${key}${m.typo}`.toLowerCase()] = v;
        } else if (m.kind === 'duplicate' && Array.isArray(container))
          container.push(structuredClone(container[key as number]));
        else c[key] = value;
      }
      return policy as unknown;
    });
  const values = fc.sample(fc.oneof({ weight: 1, arbitrary: anything }, { weight: 4, arbitrary: mutated }), {
    numRuns: count,
    seed,
  });
  return values.map((v, i) => [`random ${i}`, v]);
}

/** The inputs, made anew: [name, input]. */
export const leanInputs = (randomCount = 3000): [string, unknown][] => [
  ...fixturePolicies(),
  ...hostile(),
  ...random(randomCount, 20_260_301),
];

/** A check's result as text: JSON, with the property order kept (BigInts cannot be in a result). */
export const resultText = (result: object): string => JSON.stringify(result);
