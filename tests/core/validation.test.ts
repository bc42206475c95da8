/**
 * The spec's "Errors" section and its "Types used above" rules, one by one: each problem is
 * reported at its exact JSON Pointer path, in plain words. Also the defaults, the warnings for
 * unknown keys, and the errors of quoteDelivery and returnDeadline.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPolicy, parsePolicy, PolicyError, quoteDelivery, returnDeadline } from '../../src/core/index.js';
import type { Issue } from '../../src/core/index.js';
import { anyValue } from './arbitraries.js';

type Json = Record<string, unknown>;

const fixture = (name: string): Json =>
  JSON.parse(readFileSync(new URL(`../fixtures/examples/${name}`, import.meta.url), 'utf8')) as Json;
const full = fixture('policy-full.json');
const spanish = fixture('policy-es.json');

const minimal = (): Json => ({ version: 1, merchant: { timeZone: 'Europe/Paris' } });
const withMerchant = (merchant: Json): Json => ({ version: 1, merchant: { timeZone: 'Europe/Paris', ...merchant } });
const withMethod = (method: Json, more: Json = {}): Json => ({
  ...minimal(),
  delivery: { methods: [{ id: 'standard', transitDays: { min: 3, max: 4 }, ...method }] },
  ...more,
});
const withSection = (key: string, section: unknown): Json => ({ ...minimal(), [key]: section });
const withReturns = (returns: Json): Json => withSection('returns', { windowDays: 30, ...returns });

/** A message in plain words: a sentence for a person, not a program's dump. */
function expectPlainWords(message: string) {
  expect(message).toMatch(/^["A-Z]/);
  expect(message.length).toBeLessThan(200);
  expect(message).not.toMatch(/undefined|\[object |NaN|TypeError|RangeError|instancePath|must NOT/);
}

/**
 * Checks that `input` is rejected with an error at exactly `path` whose message contains `words`,
 * and that parsePolicy throws a PolicyError listing the same problems.
 */
function expectError(input: unknown, path: string, words: RegExp) {
  const { policy, errors } = checkPolicy(input);
  expect(policy).toBeUndefined();
  const here = errors.filter((e) => e.path === path);
  expect(here, `errors at ${path} among ${JSON.stringify(errors)}`).toHaveLength(1);
  expect(here[0]!.message).toMatch(words);
  expectPlainWords(here[0]!.message);
  let thrown: unknown;
  try {
    parsePolicy(input);
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(PolicyError);
  expect((thrown as PolicyError).issues).toEqual(errors);
}

function expectValid(input: unknown) {
  const { policy, errors } = checkPolicy(input);
  expect(errors).toEqual([]);
  expect(policy).toBeDefined();
}

describe('required fields are reported at their own path', () => {
  const cases: [string, Json, string][] = [
    ['version', { merchant: { timeZone: 'UTC' } }, '/version'],
    ['merchant', { version: 1 }, '/merchant'],
    ['merchant.timeZone', { version: 1, merchant: { name: 'Shop' } }, '/merchant/timeZone'],
    ['delivery.methods', withSection('delivery', { padding: { min: 1, max: 2 } }), '/delivery/methods'],
    [
      'a method id',
      withSection('delivery', { methods: [{ transitDays: { min: 1, max: 2 } }] }),
      '/delivery/methods/0/id',
    ],
    ['transitDays', withSection('delivery', { methods: [{ id: 'standard' }] }), '/delivery/methods/0/transitDays'],
    ['transitDays.min', withMethod({ transitDays: { max: 4 } }), '/delivery/methods/0/transitDays/min'],
    ['transitDays.max', withMethod({ transitDays: { min: 3 } }), '/delivery/methods/0/transitDays/max'],
    ['a Money currency', withMethod({ price: { amount: 5 } }), '/delivery/methods/0/price/currency'],
    ['a time slot end', withMethod({ timeSlot: { hours: 4, from: '08:00' } }), '/delivery/methods/0/timeSlot/to'],
    ['returns.windowDays', withSection('returns', { fees: 'free' }), '/returns/windowDays'],
    [
      'a non-refundable entry items',
      withSection('nonRefundable', [{ id: 'hygiene', reason: 'hygiene' }]),
      '/nonRefundable/0/items',
    ],
    [
      'a non-refundable entry reason',
      withSection('nonRefundable', [{ id: 'hygiene', items: 'Soap' }]),
      '/nonRefundable/0/reason',
    ],
  ];
  for (const [what, input, path] of cases) {
    it(`${what}: ${path}`, () => {
      expectError(input, path, /required|missing/i);
      // Not at the parent as well.
      const parent = path.slice(0, path.lastIndexOf('/'));
      expect(checkPolicy(input).errors.filter((e) => e.path === parent)).toEqual([]);
    });
  }
  it('names the missing field in the message', () => {
    expect(checkPolicy({ version: 1, merchant: {} }).errors[0]!.message).toContain('timeZone');
  });
});

describe('version', () => {
  it('rejects version 2, which this reader does not know', () =>
    expectError({ ...minimal(), version: 2 }, '/version', /1/));
  it('rejects the string "1"', () => expectError({ ...minimal(), version: '1' }, '/version', /1/));
  it('accepts version 1', () => expectValid(minimal()));
});

describe('days, hours and percents are whole numbers of 0 or more, and periods at most ten years', () => {
  it('rejects negative padding', () =>
    expectError(
      withSection('delivery', {
        padding: { min: -1, max: 2 },
        methods: [{ id: 'a', transitDays: { min: 1, max: 1 } }],
      }),
      '/delivery/padding/min',
      /from 0 to 3650/,
    ));
  it('rejects negative method padding', () =>
    expectError(withMethod({ padding: { min: 0, max: -2 } }), '/delivery/methods/0/padding/max', /from 0 to 3650/));
  it('accepts padding 0–0', () => expectValid(withMethod({ padding: { min: 0, max: 0 } })));
  it('rejects a fraction of a day', () =>
    expectError(
      withMethod({ transitDays: { min: 3, max: 4.5 } }),
      '/delivery/methods/0/transitDays/max',
      /whole number/,
    ));
  it('rejects a number written as a string', () =>
    expectError(
      withMethod({ handlingDays: { min: '1', max: 2 } }),
      '/delivery/methods/0/handlingDays/min',
      /whole number/,
    ));
  it('rejects negative notice days', () =>
    expectError(withSection('cancellation', { noticeDays: -1 }), '/cancellation/noticeDays', /from 0 to 3650/));
  it('rejects a fraction of refund days', () =>
    expectError(withReturns({ refund: { withinDays: 1.5 } }), '/returns/refund/withinDays', /whole number/));
  it('rejects a free period given both ways: until shipment and within hours', () =>
    expectError(
      withSection('cancellation', { free: { until: 'shipment', withinHours: 5 } }),
      '/cancellation/free',
      /"until" or "withinHours", not both/,
    ));
  it('rejects negative free-cancellation hours', () =>
    expectError(
      withSection('cancellation', { free: { withinHours: -24 } }),
      '/cancellation/free/withinHours',
      /whole number of hours/,
    ));
  it('rejects a time slot of 0 hours', () =>
    expectError(
      withMethod({ timeSlot: { hours: 0, from: '08:00', to: '20:00' } }),
      '/delivery/methods/0/timeSlot/hours',
      /hours/,
    ));
  it('rejects windowDays 0 (a window is one day at least)', () =>
    expectError(withReturns({ windowDays: 0 }), '/returns/windowDays', /from 1 to 3650/));
  it('rejects percent 101', () =>
    expectError(withSection('cancellation', { fee: { percent: 101 } }), '/cancellation/fee/percent', /0 to 100/));
  it('rejects a restocking fee of 101 %', () =>
    expectError(withReturns({ restockingFeePercent: 101 }), '/returns/restockingFeePercent', /0 to 100/));
  it('accepts percent 0 and 100', () => {
    expectValid(withSection('cancellation', { fee: { percent: 0 } }));
    expectValid(withSection('cancellation', { fee: { percent: 100 } }));
  });
  // A longer period is a typo, and its dates would lie beyond what Intl can format (year 275760).
  it('accepts ten years of days (3650) and rejects 3651, in every day count', () => {
    expectValid(
      withMethod({
        handlingDays: { min: 3650, max: 3650 },
        transitDays: { min: 3650, max: 3650 },
        padding: { min: 3650, max: 3650 },
      }),
    );
    expectValid(withReturns({ windowDays: 3650, refund: { withinDays: 3650 } }));
    expectValid(withSection('cancellation', { noticeDays: 3650, free: { withinHours: 87600 } }));
    expectError(
      withMethod({ transitDays: { min: 3, max: 1_000_000_000 } }),
      '/delivery/methods/0/transitDays/max',
      /whole number of days from 0 to 3650 \(found 1000000000\)/,
    );
    expectError(
      withMethod({ handlingDays: { min: 3651, max: 3651 } }),
      '/delivery/methods/0/handlingDays/min',
      /from 0 to 3650/,
    );
    expectError(withReturns({ windowDays: 3651 }), '/returns/windowDays', /from 1 to 3650/);
    expectError(withReturns({ refund: { withinDays: 3651 } }), '/returns/refund/withinDays', /from 0 to 3650/);
    expectError(withSection('cancellation', { noticeDays: 3651 }), '/cancellation/noticeDays', /from 0 to 3650/);
    expectError(
      withSection('cancellation', { free: { withinHours: 87601 } }),
      '/cancellation/free/withinHours',
      /hours from 0 to 87600/,
    );
    expectError(
      withMethod({ padding: { min: 0, max: Number.MAX_SAFE_INTEGER } }),
      '/delivery/methods/0/padding/max',
      /from 0 to 3650/,
    );
  });
});

describe('min ≤ max', () => {
  it('rejects handling 2–1, at max', () =>
    expectError(
      withMethod({ handlingDays: { min: 2, max: 1 } }),
      '/delivery/methods/0/handlingDays/max',
      /less than min/,
    ));
  it('rejects transit 5–3', () =>
    expectError(
      withMethod({ transitDays: { min: 5, max: 3 } }),
      '/delivery/methods/0/transitDays/max',
      /less than min \(5\)/,
    ));
  it('accepts min = max', () => expectValid(withMethod({ transitDays: { min: 3, max: 3 } })));
});

describe('time zone', () => {
  for (const zone of ['Asia/Kolkata', 'UTC', 'Europe/Paris', 'Pacific/Chatham', 'America/St_Johns']) {
    it(`accepts ${zone}`, () => expectValid({ version: 1, merchant: { timeZone: zone } }));
  }
  for (const zone of ['Mars/Olympus', 'Europe/Pariss', '', '+25:00']) {
    it(`rejects ${JSON.stringify(zone)}`, () =>
      expectError({ version: 1, merchant: { timeZone: zone } }, '/merchant/timeZone', /IANA time zone/));
  }
  it('rejects a number', () => expectError({ version: 1, merchant: { timeZone: 1 } }, '/merchant/timeZone', /IANA/));
});

describe('times are HH:MM from 00:00 to 23:59', () => {
  for (const cutoff of ['24:00', '9:00', '12:60', '12:00:00', 'noon', '12h00', '']) {
    it(`rejects the cutoff ${JSON.stringify(cutoff)}`, () =>
      expectError(withMethod({ cutoff }), '/delivery/methods/0/cutoff', /HH:MM/));
  }
  for (const cutoff of ['00:00', '09:00', '23:59']) {
    it(`accepts the cutoff ${cutoff}`, () => expectValid(withMethod({ cutoff })));
  }
  it('checks time slot times too', () =>
    expectError(
      withMethod({ timeSlot: { hours: 4, from: '8:00', to: '20:00' } }),
      '/delivery/methods/0/timeSlot/from',
      /HH:MM/,
    ));
  it('rejects a time slot that ends before it starts', () =>
    expectError(
      withMethod({ timeSlot: { hours: 4, from: '20:00', to: '08:00' } }),
      '/delivery/methods/0/timeSlot/to',
      /later than/,
    ));
  it('rejects an unknown slot announcement', () =>
    expectError(
      withMethod({ timeSlot: { hours: 4, from: '08:00', to: '20:00', announced: 'never' } }),
      '/delivery/methods/0/timeSlot/announced',
      /one of/,
    ));
});

describe('dates are real dates written YYYY-MM-DD', () => {
  const holidays = (list: unknown[]) => withSection('calendar', { holidays: list });
  it('rejects 2026-02-30', () =>
    expectError(holidays(['2026-01-01', '2026-02-30']), '/calendar/holidays/1', /real date/));
  it('rejects 2027-02-29 but accepts 2028-02-29', () => {
    expectError(holidays(['2027-02-29']), '/calendar/holidays/0', /real date/);
    expectValid(holidays(['2028-02-29']));
  });
  for (const date of ['2026-1-5', '2026-13-01', '05/01/2026', '2026-05-01T00:00:00Z', 20260501]) {
    it(`rejects ${JSON.stringify(date)}`, () => expectError(holidays([date]), '/calendar/holidays/0', /YYYY-MM-DD/));
  }
});

describe('currencies and countries are upper-case ISO codes', () => {
  for (const currency of ['eur', 'EURO', 'XYZ', '€']) {
    it(`rejects the currency ${currency}`, () =>
      expectError(withMethod({ price: { amount: 5, currency } }), '/delivery/methods/0/price/currency', /ISO 4217/));
  }
  it('checks Money in returns fees and cancellation fees', () => {
    expectError(withReturns({ fees: { amount: 5, currency: 'eur' } }), '/returns/fees/currency', /ISO 4217/);
    expectError(
      withSection('cancellation', { fee: { amount: 5, currency: 'Eur' } }),
      '/cancellation/fee/currency',
      /ISO 4217/,
    );
  });
  it('rejects a negative amount', () =>
    expectError(
      withMethod({ price: { amount: -1, currency: 'EUR' } }),
      '/delivery/methods/0/price/amount',
      /0 or more/,
    ));
  it('accepts a decimal amount', () => expectValid(withMethod({ price: { amount: 4.95, currency: 'EUR' } })));
  for (const country of ['fr', 'FRA', 'XX', 'F']) {
    it(`rejects the country ${country}`, () =>
      expectError(withMerchant({ country }), '/merchant/country', /ISO 3166-1/));
  }
  it('checks each destination of a method, by its index', () =>
    expectError(withMethod({ countries: ['FR', 'mc'] }), '/delivery/methods/0/countries/1', /ISO 3166-1/));
  it('refuses "UK" with the right code, "GB" (a method for UK would never match a shopper in GB)', () =>
    expectError(withMethod({ countries: ['FR', 'UK'] }), '/delivery/methods/0/countries/1', /use "GB"/));
  it('refuses "EU", which is not a country', () =>
    expectError(withMerchant({ country: 'EU' }), '/merchant/country', /not an ISO 3166-1/));

  it('refuses the codes Intl knows but ISO 3166-1 gives no country, with the code to write', () => {
    // The Canaries and Ceuta are in ES: a method for "IC" would never match a shopper there.
    expectError(
      withMerchant({ country: 'IC' }),
      '/merchant/country',
      /^"IC" is not an ISO 3166-1 country code: use "ES"/,
    );
    expectError(withMerchant({ country: 'EA' }), '/merchant/country', /use "ES"/);
    expectError(withMerchant({ country: 'AC' }), '/merchant/country', /use "SH"/);
    for (const code of ['XK', 'ZZ', 'QO', 'XA', 'SU', 'YU', 'CS', 'DD', 'ZR', 'AN', 'FX', 'CP', 'DG', 'TA', 'CQ']) {
      expect(
        checkPolicy(withMerchant({ country: code })).errors.map((e) => e.path),
        code,
      ).toEqual(['/merchant/country']);
    }
  });

  it("accepts ISO 3166-1's newer and smaller countries", () => {
    for (const code of ['BQ', 'CW', 'SX', 'SS', 'ME', 'RS', 'TL', 'AX', 'GG', 'JE', 'IM']) {
      expect(checkPolicy(withMerchant({ country: code })).errors, code).toEqual([]);
    }
  });
  it('warns about a destination listed twice, keeps one, and still accepts the policy', () => {
    const { policy, errors, warnings } = checkPolicy(withMethod({ countries: ['FR', 'MC', 'FR'] }));
    expect(errors).toEqual([]);
    expect(warnings.map((w) => w.path)).toEqual(['/delivery/methods/0/countries/2']);
    expect(warnings[0]!.message).toMatch(/twice; the copy is ignored/);
    expect(policy!.delivery!.methods[0]!.countries).toEqual(['FR', 'MC']);
  });
  it('warns about a holiday, a way to return and a channel listed twice: the shopper still gets the policy', () => {
    const { policy, errors, warnings } = checkPolicy(
      {
        ...minimal(),
        calendar: { holidays: ['2026-12-25', '2026-12-25'] },
        returns: { windowDays: 30, methods: ['mail', 'mail'] },
        cancellation: { channels: ['phone', 'phone'] },
      },
      { now: '2026-03-02T10:00:00Z' },
    );
    expect(errors).toEqual([]);
    expect(warnings.map((w) => w.path)).toEqual([
      '/calendar/holidays/1',
      '/returns/methods/1',
      '/cancellation/channels/1',
    ]);
    expect(policy!.calendar.holidays).toEqual(['2026-12-25']);
  });
});

describe('ids are unique', () => {
  it('among delivery methods', () => {
    const input = {
      ...minimal(),
      delivery: {
        methods: [
          { id: 'a', transitDays: { min: 1, max: 1 } },
          { id: 'a', transitDays: { min: 2, max: 2 } },
        ],
      },
    };
    expectError(input, '/delivery/methods/1/id', /"a".*unique|unique.*"a"/);
  });
  it('among non-refundable entries', () => {
    const entry = { id: 'hygiene', reason: 'hygiene', items: 'Soap' };
    expectError(
      withSection('nonRefundable', [entry, { ...entry, reason: 'other' }]),
      '/nonRefundable/1/id',
      /used twice/,
    );
  });
  it('are lower-case letters, digits and dashes', () => {
    expectError(withMethod({ id: 'Standard' }), '/delivery/methods/0/id', /lower-case/);
    expectError(withMethod({ id: 'express delivery' }), '/delivery/methods/0/id', /lower-case/);
  });
});

describe('policy links are http(s) only', () => {
  for (const url of [
    'javascript:alert(1)',
    'ftp://example.com/cgv',
    'data:text/html,<b>hi</b>',
    'example.com/cgv',
    '//example.com/cgv',
    'mailto:a@example.com',
  ]) {
    it(`rejects ${url}`, () =>
      expectError(withMerchant({ policyUrl: url }), '/merchant/policyUrl', /http:\/\/ or https:\/\//));
  }
  for (const url of ['https://example.com/cgv', 'http://example.com/cgv?x=1#y']) {
    it(`accepts ${url}`, () => expectValid(withMerchant({ policyUrl: url })));
  }
});

describe('Text', () => {
  it('accepts a string or an object keyed by language', () => {
    expectValid(withMerchant({ name: 'Maison Dupont' }));
    expectValid(withMerchant({ name: { fr: 'Maison Dupont', 'es-ES': 'Casa Dupont', 'zh-Hant': '杜邦' } }));
  });
  it('rejects an empty object', () =>
    expectError(withMerchant({ name: {} }), '/merchant/name', /at least one language/));
  it('rejects a key that is not a language tag, at that key', () =>
    expectError(withMerchant({ name: { en_GB: 'Shop' } }), '/merchant/name/en_GB', /language/));
  it('rejects a value that is not a string, at that key', () =>
    expectError(withMerchant({ name: { fr: 42 } }), '/merchant/name/fr', /string/));
  it('rejects an empty string', () => expectError(withMerchant({ name: '  ' }), '/merchant/name', /empty/));
  it('rejects a number', () => expectError(withMerchant({ name: 42 }), '/merchant/name', /string/));
  it('is checked wherever it is used', () => {
    expectError(withMethod({ label: {} }), '/delivery/methods/0/label', /language/);
    expectError(withReturns({ notes: { 'not a tag': 'x' } }), '/returns/notes/not a tag', /language/);
  });
});

describe('calendars are non-empty lists of distinct mon…sun', () => {
  it('rejects an empty list', () =>
    expectError(withSection('calendar', { businessDays: [] }), '/calendar/businessDays', /empty/));
  it('rejects "monday"', () =>
    expectError(withSection('calendar', { deliveryDays: ['monday'] }), '/calendar/deliveryDays/0', /"mon"/));
  it('rejects a day listed twice, at its second place', () =>
    expectError(withSection('calendar', { businessDays: ['mon', 'tue', 'mon'] }), '/calendar/businessDays/2', /twice/));
  it('rejects a calendar that is not a list', () =>
    expectError(withSection('calendar', { businessDays: 'mon-fri' }), '/calendar/businessDays', /list/));
});

describe('the other closed lists', () => {
  const cases: [string, Json, string][] = [
    ['returns fees', withReturns({ fees: 'sometimes' }), '/returns/fees'],
    ['return methods', withReturns({ methods: ['email'] }), '/returns/methods/0'],
    ['return condition', withReturns({ condition: 'new' }), '/returns/condition'],
    ['refund method', withReturns({ refund: { method: 'cash' } }), '/returns/refund/method'],
    [
      'non-refundable reason',
      withSection('nonRefundable', [{ id: 'x', reason: 'fragile', items: 'Glass' }]),
      '/nonRefundable/0/reason',
    ],
    ['cancellation channels', withSection('cancellation', { channels: ['fax'] }), '/cancellation/channels/0'],
    ['free cancellation', withSection('cancellation', { free: { until: 'delivery' } }), '/cancellation/free/until'],
    ['free cancellation, neither way', withSection('cancellation', { free: {} }), '/cancellation/free'],
  ];
  for (const [what, input, path] of cases) it(`${what}: ${path}`, () => expectError(input, path, /Must be/));
});

describe('not JSON, not an object', () => {
  it('reports a file that is not JSON at the root', () =>
    expectError('{"version": 1, merchant: }', '', /not valid JSON/));
  it('reads a JSON string', () => expectValid(JSON.stringify(full)));
  it('reads a JSON string that starts with a byte-order mark, as the elements do', () =>
    expectValid(`\uFEFF${JSON.stringify(full)}`));
  for (const input of ['null', '[]', '42', '"policy"']) {
    it(`rejects the JSON ${input} at the root`, () => expectError(input, '', /object/));
  }
});

describe('checkPolicy never throws', () => {
  const cyclic: Json = {};
  cyclic.self = cyclic;
  const inputs: [string, unknown][] = [
    ['null', null],
    ['undefined', undefined],
    ['an array', [minimal()]],
    ['a number', 42],
    ['true', true],
    ['an empty string', ''],
    ['a function', () => minimal()],
    ['a Date', new Date()],
    ['a Map', new Map([['version', 1]])],
    ['an object without a prototype', Object.assign(Object.create(null) as Json, minimal())],
    ['a BigInt where a number goes', { version: 1n, merchant: { timeZone: 'UTC' } }],
    ['a cycle where a time zone goes', { version: 1, merchant: { timeZone: cyclic } }],
    ['a symbol', Symbol('policy')],
  ];
  for (const [what, input] of inputs) {
    it(`on ${what}`, () => {
      const result = checkPolicy(input);
      expect(Array.isArray(result.errors) && Array.isArray(result.warnings)).toBe(true);
      if (what !== 'an object without a prototype') expect(result.errors.length).toBeGreaterThan(0);
      // parsePolicy throws, but only its own PolicyError.
      try {
        parsePolicy(input);
      } catch (e) {
        expect(e).toBeInstanceOf(PolicyError);
      }
    });
  }
  it('accepts an object without a prototype when it is a valid policy', () =>
    expectValid(Object.assign(Object.create(null) as Json, minimal())));

  /** Anything, and policy-shaped things whose every field may be anything. */
  const anything = anyValue();
  const maybe = <T>(a: fc.Arbitrary<T>) => fc.oneof(a, anything);
  const policyish = fc.record(
    {
      version: maybe(fc.constantFrom(1, 2)),
      merchant: maybe(
        fc.record(
          { timeZone: maybe(fc.constantFrom('UTC', 'Mars/Olympus')), name: anything, policyUrl: anything },
          { requiredKeys: [] },
        ),
      ),
      calendar: maybe(
        fc.record({ businessDays: anything, holidays: maybe(fc.array(fc.string())) }, { requiredKeys: [] }),
      ),
      delivery: maybe(
        fc.record(
          {
            padding: anything,
            methods: maybe(
              fc.array(
                fc.record({ id: maybe(fc.string()), transitDays: anything, cutoff: anything }, { requiredKeys: [] }),
              ),
            ),
          },
          { requiredKeys: [] },
        ),
      ),
      returns: anything,
      nonRefundable: maybe(fc.array(anything)),
      cancellation: maybe(fc.record({ free: anything, fee: anything }, { requiredKeys: [] })),
    },
    { requiredKeys: [] },
  );
  it('on random input, and reports issues as {path, message} with JSON Pointer paths', () => {
    fc.assert(
      fc.property(fc.oneof(anything, policyish, fc.string(), fc.json()), (input) => {
        const result = checkPolicy(input);
        for (const issue of [...result.errors, ...result.warnings]) {
          expect(issue.path).toMatch(/^(\/[^/]*)*$/);
          expect(typeof issue.message).toBe('string');
          expect(issue.message.length).toBeGreaterThan(0);
        }
        expect(result.policy === undefined).toBe(result.errors.length > 0);
      }),
      { numRuns: 300, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) },
    );
  }, 30_000);
});

describe('unknown keys are warnings', () => {
  it('hints at the near miss "timezone", and the policy is still accepted', () => {
    const input = { version: 1, merchant: { timeZone: 'Europe/Paris', timezone: 'Europe/Madrid' } };
    const { policy, errors, warnings } = checkPolicy(input);
    expect(errors).toEqual([]);
    expect(policy).toBeDefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.path).toBe('/merchant/timezone');
    expect(warnings[0]!.message).toContain('did you mean "timeZone"?');
    expectPlainWords(warnings[0]!.message);
    expect(parsePolicy(input).merchant.timeZone).toBe('Europe/Paris');
  });
  it('hints at the misspelt field when the real one is then missing', () => {
    const { errors, warnings } = checkPolicy({ version: 1, merchant: { timezone: 'Europe/Paris' } });
    expect(errors.map((e) => e.path)).toEqual(['/merchant/timeZone']);
    expect(warnings.map((w) => [w.path, /did you mean "timeZone"/.test(w.message)])).toEqual([
      ['/merchant/timezone', true],
    ]);
  });
  it('gives no hint for a key nothing like a known one', () => {
    const { warnings } = checkPolicy({ ...minimal(), giftWrapping: true });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.path).toBe('/giftWrapping');
    expect(warnings[0]!.message).toMatch(/Unknown field "giftWrapping"/);
    expect(warnings[0]!.message).not.toMatch(/did you mean/);
  });
  it('reports unknown keys at every depth', () => {
    const input = withMethod({ transitDays: { min: 3, max: 4, avg: 3.5 }, cutof: '14:00' });
    const { policy, warnings } = checkPolicy(input);
    expect(policy).toBeDefined();
    expect(warnings.map((w) => w.path).sort()).toEqual([
      '/delivery/methods/0/cutof',
      '/delivery/methods/0/transitDays/avg',
    ]);
    expect(warnings.find((w) => w.path.endsWith('cutof'))!.message).toContain('did you mean "cutoff"?');
  });
  it('reports the keys that objects inherit names of, such as "constructor" and "__proto__"', () => {
    const { warnings } = checkPolicy(
      JSON.parse('{"version": 1, "merchant": {"timeZone": "UTC", "constructor": "x"}, "__proto__": {}}'),
    );
    expect(warnings.map((w) => w.path).sort()).toEqual(['/__proto__', '/merchant/constructor']);
  });
});

describe('defaults', () => {
  const policy = parsePolicy(withMethod({}));
  it('business days Mon–Fri, delivery days the same, no holidays', () => {
    expect(policy.calendar).toEqual({
      businessDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
      deliveryDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
      holidays: [],
    });
  });
  it('delivery days default to the business days given', () => {
    const p = parsePolicy({ ...minimal(), calendar: { businessDays: ['tue', 'sat'] } });
    expect(p.calendar.deliveryDays).toEqual(['tue', 'sat']);
  });
  it('padding 1–2, handling 0–0, method padding = delivery padding', () => {
    expect(policy.delivery!.padding).toEqual({ min: 1, max: 2 });
    expect(policy.delivery!.methods[0]!.handlingDays).toEqual({ min: 0, max: 0 });
    expect(policy.delivery!.methods[0]!.padding).toEqual({ min: 1, max: 2 });
  });
  it('a method takes the delivery padding given, unless it has its own', () => {
    const p = parsePolicy({
      ...minimal(),
      delivery: {
        padding: { min: 0, max: 0 },
        methods: [
          { id: 'a', transitDays: { min: 1, max: 1 } },
          { id: 'b', transitDays: { min: 1, max: 1 }, padding: { min: 2, max: 3 } },
        ],
      },
    });
    expect(p.delivery!.methods.map((m) => m.padding)).toEqual([
      { min: 0, max: 0 },
      { min: 2, max: 3 },
    ]);
  });
  it('leaves the input untouched', () => {
    const input = withMethod({});
    const before = structuredClone(input);
    parsePolicy(input);
    expect(input).toEqual(before);
  });
  it('leaves out the sections that are missing', () => {
    const p = parsePolicy(minimal());
    expect([p.delivery, p.returns, p.nonRefundable, p.cancellation]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('several errors at once', () => {
  const input = {
    version: 2,
    merchant: { policyUrl: 'javascript:alert(1)' },
    delivery: { methods: [{ id: 'a', transitDays: { min: 4, max: 3 }, cutoff: '25:00' }] },
    returns: { windowDays: 0 },
  };
  const expected = [
    '/version',
    '/merchant/timeZone',
    '/merchant/policyUrl',
    '/delivery/methods/0/cutoff',
    '/delivery/methods/0/transitDays/max',
    '/returns/windowDays',
  ];
  it('lists every problem, each at its path', () => {
    expect(
      checkPolicy(input)
        .errors.map((e) => e.path)
        .sort(),
    ).toEqual([...expected].sort());
  });
  it('PolicyError carries the list, and its message names each path', () => {
    try {
      parsePolicy(input);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PolicyError);
      const error = e as PolicyError;
      expect(error.issues.map((i: Issue) => i.path).sort()).toEqual([...expected].sort());
      for (const path of expected) expect(error.message).toContain(path);
    }
  });
});

describe('JSON Pointer escaping', () => {
  it('writes "/" as ~1 and "~" as ~0 in unknown keys', () => {
    const { warnings } = checkPolicy(withMerchant({ 'a/b': 1, '~c': 2, '~1': 3 }));
    expect(warnings.map((w) => w.path).sort()).toEqual(['/merchant/a~1b', '/merchant/~01', '/merchant/~0c']);
  });
  it('in error paths too', () =>
    expectError(withMerchant({ name: { 'fr/be': 'Boutique' } }), '/merchant/name/fr~1be', /language/));
});

describe('quoteDelivery', () => {
  const now = '2026-03-02T10:00:00+01:00';
  it('accepts a raw object, a JSON string and a parsed policy alike', () => {
    const fromParsed = quoteDelivery(parsePolicy(full), { now });
    expect(quoteDelivery(full, { now })).toEqual(fromParsed);
    expect(quoteDelivery(JSON.stringify(full), { now })).toEqual(fromParsed);
    expect(fromParsed.method).toBe('standard');
  });
  it('accepts now as a Date', () =>
    expect(quoteDelivery(full, { now: new Date(now) })).toEqual(quoteDelivery(full, { now })));
  it('throws a PolicyError for an unknown method id, naming it', () => {
    expect(() => quoteDelivery(full, { method: 'drone', now })).toThrow(PolicyError);
    try {
      quoteDelivery(full, { method: 'drone', now });
    } catch (e) {
      expect((e as PolicyError).issues[0]!.path).toBe('/delivery/methods');
      expect((e as PolicyError).issues[0]!.message).toContain('"drone"');
    }
  });
  it('throws a PolicyError for a policy without delivery', () => {
    try {
      quoteDelivery(minimal(), { now });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PolicyError);
      expect((e as PolicyError).issues[0]!.path).toBe('/delivery');
    }
  });
  it('throws the PolicyError of an invalid policy', () => {
    expect(() => quoteDelivery({ version: 1, merchant: {} }, { now })).toThrow(PolicyError);
  });
  it('throws a PolicyError for an invalid instant', () => {
    expect(() => quoteDelivery(full, { now: 'next Tuesday' })).toThrow(PolicyError);
  });
  describe('the country option picks the first method that serves it', () => {
    it('in the complete policies', () => {
      expect(quoteDelivery(full, { country: 'MC', now }).method).toBe('standard');
      expect(quoteDelivery(full, { country: 'FR', now }).method).toBe('standard');
      expect(quoteDelivery(spanish, { country: 'AD', now }).method).toBe('peninsula');
    });
    it('skipping methods that do not serve it; a method without countries serves everyone', () => {
      const policy = {
        ...minimal(),
        delivery: {
          methods: [
            { id: 'spain', countries: ['ES'], transitDays: { min: 1, max: 2 } },
            { id: 'world', transitDays: { min: 5, max: 9 } },
          ],
        },
      };
      expect(quoteDelivery(policy, { country: 'ES', now }).method).toBe('spain');
      expect(quoteDelivery(policy, { country: 'PT', now }).method).toBe('world');
      expect(quoteDelivery(policy, { country: 'es', now }).method).toBe('spain');
    });
    it('a named method wins over the country', () => {
      expect(quoteDelivery(full, { method: 'home-delivery', country: 'MC', now }).method).toBe('home-delivery');
    });
    it('throws a PolicyError when no method serves it', () => {
      expect(() => quoteDelivery(full, { country: 'DE', now })).toThrow(PolicyError);
    });
  });
});

describe('returnDeadline: delivery date + windowDays, moved to the next business day', () => {
  it('policy-full (30 days): delivered Monday 2026-03-09 → Wednesday 2026-04-08', () => {
    expect(returnDeadline(full, '2026-03-09')).toBe('2026-04-08');
  });
  it('landing on Saturday 2026-04-11 → Monday 2026-04-13', () => {
    expect(returnDeadline(full, '2026-03-12')).toBe('2026-04-13');
  });
  it('landing on Easter Monday 2026-04-06, a holiday → Tuesday 2026-04-07', () => {
    expect(returnDeadline(full, '2026-03-07')).toBe('2026-04-07');
  });
  it('landing on Saturday 2026-04-04, before the holiday Monday → Tuesday 2026-04-07', () => {
    expect(returnDeadline(full, '2026-03-05')).toBe('2026-04-07');
  });
  it('landing on Christmas, a Friday → Monday 2026-12-28', () => {
    expect(returnDeadline(full, '2026-11-25')).toBe('2026-12-28');
  });
  it('policy-es (14 days): a plain Monday, 2026-03-02 → 2026-03-16', () => {
    expect(returnDeadline(spanish, '2026-03-02')).toBe('2026-03-16');
  });
  it('policy-es: landing on the holiday Monday 2026-10-12 → 2026-10-13', () => {
    expect(returnDeadline(spanish, '2026-09-28')).toBe('2026-10-13');
  });
  it('policy-es: landing on Saturday 2026-10-10, before the holiday → 2026-10-13', () => {
    expect(returnDeadline(spanish, '2026-09-26')).toBe('2026-10-13');
  });
  it("uses the policy's own business days", () => {
    const policy = { ...minimal(), calendar: { businessDays: ['sat'] }, returns: { windowDays: 1 } };
    expect(returnDeadline(policy, '2026-03-02')).toBe('2026-03-07');
  });
  for (const date of ['2026-02-30', '2026-3-9', '09/03/2026', '', 'yesterday']) {
    it(`throws a PolicyError for the delivery date ${JSON.stringify(date)}`, () => {
      expect(() => returnDeadline(full, date)).toThrow(PolicyError);
    });
  }
  it('throws a PolicyError for a policy without returns', () => {
    try {
      returnDeadline(minimal(), '2026-03-09');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PolicyError);
      expect((e as PolicyError).issues[0]!.path).toBe('/returns');
    }
  });
});

describe('Text closes every direction control it opens', () => {
  // Left open, an override runs past the label into the price shown after it, which then reads backwards.
  for (const [what, label] of [
    ['an override (U+202E) left open', 'Livraison \u202Eexpress'],
    ['an embedding (U+202B) left open', '\u202BLivraison'],
    ['an isolate (U+2067) left open', '\u2067توصيل'],
    ['an override closed by the wrong mark (U+2069)', '\u202Eexpress\u2069'],
  ] as const) {
    it(`rejects ${what}, at the Text's path`, () => {
      expectError(
        withMethod({ label: label }),
        '/delivery/methods/0/label',
        /direction control \(U\+20(2E|2B|67)\) that is never closed/,
      );
      expectError(withMethod({ note: { fr: 'ok', ar: label } }), '/delivery/methods/0/note/ar', /never closed/);
    });
  }
  for (const [what, label] of [
    ['a closed override', 'Livraison \u202Eexpress\u202C'],
    ['a closed isolate with an embedding inside (the isolate closes both)', '\u2067\u202Bتوصيل\u2069 48h'],
    ['marks that open nothing (RLM, LRM) and a stray close', '\u200Fتوصيل\u200E 48h\u202C'],
    ['Arabic and Hebrew text without any control', 'توصيل سريع · משלוח מהיר'],
  ] as const) {
    it(`accepts ${what}`, () => expectValid(withMethod({ label })));
  }
});

describe('what a retailer writes that is harmless, or empty', () => {
  it('accepts "$schema" at the top, for editor help, without a warning', () => {
    const result = checkPolicy({ $schema: './node_modules/policy-explainer/policy.schema.json', ...minimal() });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('rejects a method that serves an empty list of countries (it would serve nobody)', () => {
    const policy = {
      ...minimal(),
      delivery: { methods: [{ id: 'a', countries: [], transitDays: { min: 1, max: 2 } }] },
    };
    expect(checkPolicy(policy).errors.map((e) => e.path)).toEqual(['/delivery/methods/0/countries']);
  });

  it('warns that an empty non-refundable list or cancellation section reads as "not stated"', () => {
    const { errors, warnings } = checkPolicy({ ...minimal(), nonRefundable: [], cancellation: {} });
    expect(errors).toEqual([]);
    expect(warnings.map((w) => w.path)).toEqual(['/nonRefundable', '/cancellation']);
    expect(warnings[0]!.message).toContain('not stated');
  });

  it('ends every message with a full stop', () => {
    const { errors } = checkPolicy({ version: 1, merchant: { name: '' }, delivery: { methods: [] } });
    expect(errors.length).toBeGreaterThan(2);
    for (const e of errors) expect(e.message, e.path).toMatch(/[.?!]$/);
  });
});
