/**
 * The policy as schema.org JSON-LD: what search engines read must be what the page says (the
 * padded days, the cutoff at the right UTC offset), state nothing the file does not, and use only
 * schema.org's own vocabulary.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  parsePolicy,
  PolicyError,
  quoteDelivery,
  structuredData,
  structuredDataScript,
  type StructuredData,
} from '../../src/core/index.js';

const fixtures = new URL('../fixtures/', import.meta.url);
const json = (path: string) => JSON.parse(readFileSync(new URL(path, fixtures), 'utf8')) as Record<string, unknown>;
const example = (name: string) => {
  const file = json(`examples/${name}`);
  return (file.policy ?? file) as Record<string, unknown>;
};
const demo = JSON.parse(readFileSync(new URL('../../demo/policy.json', import.meta.url), 'utf8')) as unknown;

/** schema.org's vocabulary, from schema-dts (scripts/schema-vocabulary.mjs writes it). */
const vocabulary = json('schema-org-vocabulary.json') as {
  types: Record<string, string>;
  bases: Record<string, { parents: string[]; properties: string[] }>;
  members: string[];
};

/** Every property a type has, its ancestors' included. */
function propertiesOf(type: string): Set<string> {
  const found = new Set<string>();
  const visit = (base: string) => {
    const entry = vocabulary.bases[base];
    if (!entry) return;
    entry.properties.forEach((p) => found.add(p));
    entry.parents.forEach(visit);
  };
  visit(vocabulary.types[type]!);
  return found;
}

/** What in a JSON-LD tree is not schema.org's: unknown types, properties a type lacks, unknown enumeration values. */
function outsideVocabulary(node: unknown, where = '', problems: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n, i) => outsideVocabulary(n, `${where}/${i}`, problems));
  else if (typeof node === 'string' && node.startsWith('https://schema.org/')) {
    const name = node.slice('https://schema.org/'.length);
    if (!vocabulary.members.includes(name)) problems.push(`${where}: ${node} is no enumeration member`);
  } else if (node && typeof node === 'object') {
    const type = (node as { '@type'?: string })['@type'];
    if (!type || !(type in vocabulary.types)) problems.push(`${where}: type ${String(type)} is not schema.org's`);
    else {
      const properties = propertiesOf(type);
      for (const key of Object.keys(node)) {
        if (key.startsWith('@')) continue;
        if (!properties.has(key)) problems.push(`${where}: ${type} has no property ${key}`);
      }
    }
    for (const [key, value] of Object.entries(node))
      if (key !== '@context') outsideVocabulary(value, `${where}/${key}`, problems);
  }
  return problems;
}

describe('the expected JSON-LD, written by hand for the example policies', () => {
  const cases: [string, string, Parameters<typeof structuredData>[1]][] = [
    ['01-seed-example.offer.json', '01-seed-example.json', { now: '2026-03-02T10:00:00+01:00' }],
    ['05-saturday-delivery-days.offer.json', '05-saturday-delivery-days.json', { now: '2026-06-11T12:00:00+02:00' }],
    ['policy-es.offer.json', 'policy-es.json', { now: '2026-01-15T10:00', lang: 'es' }],
    [
      'policy-full.organization.json',
      'policy-full.json',
      { level: 'organization', now: '2026-07-02T10:00', lang: 'fr' },
    ],
  ];
  for (const [expected, policy, options] of cases) {
    it(`${policy} → ${expected}`, () => {
      expect(structuredData(example(policy), options)).toEqual(json(`jsonld/${expected}`));
    });
  }
});

describe('only schema.org vocabulary', () => {
  it('the vocabulary list knows the types used and rejects a made-up one', () => {
    expect(
      outsideVocabulary({ '@type': 'OfferShippingDetails', deliveryTime: { '@type': 'ShippingDeliveryTime' } }),
    ).toEqual([]);
    expect(outsideVocabulary({ '@type': 'Offer', shippingDays: 3 })).toEqual([': Offer has no property shippingDays']);
    expect(outsideVocabulary({ '@type': 'ShippingPolicy' })).toHaveLength(1);
    expect(outsideVocabulary({ '@type': 'Offer', availability: 'https://schema.org/Tuesdayish' })).toHaveLength(1);
  });

  const policies: [string, unknown][] = [
    ['the demo policy', demo],
    ['policy-full.json', example('policy-full.json')],
    ['policy-es.json', example('policy-es.json')],
    ['05-saturday-delivery-days.json', example('05-saturday-delivery-days.json')],
  ];
  for (const [name, policy] of policies) {
    for (const level of ['offer', 'organization'] as const) {
      it(`${name}, ${level} level`, () => {
        const data = structuredData(policy, { level, now: '2026-03-02T10:00:00+01:00' });
        expect(data['@context']).toBe('https://schema.org');
        expect(outsideVocabulary(data)).toEqual([]);
      });
    }
  }
  it('a product of a custom-made category (MerchantReturnNotPermitted)', () => {
    const data = structuredData(demo, { nonRefundable: 'made-to-measure', now: '2026-03-02T10:00:00+01:00' });
    expect(outsideVocabulary(data)).toEqual([]);
  });
});

/** Every `cutoffTime` in a JSON-LD tree. */
const cutoffs = (data: unknown): string[] =>
  JSON.stringify(data)
    .match(/"cutoffTime":"[^"]*"/g)!
    .map((m) => m.slice('"cutoffTime":"'.length, -1));

describe('the cutoff, with the UTC offset in force that day', () => {
  const seed = example('01-seed-example.json');
  const withCutoff = (timeZone: string, cutoff: string) => ({
    ...seed,
    merchant: { timeZone, country: 'FR' },
    delivery: { methods: [{ id: 'standard', cutoff, transitDays: { min: 3, max: 4 } }] },
  });

  it('Paris in winter is +01:00, in summer +02:00, at both levels', () => {
    for (const level of ['offer', 'organization'] as const) {
      expect(cutoffs(structuredData(seed, { level, now: '2026-01-20T09:00:00Z' }))).toEqual(['14:00:00+01:00']);
      expect(cutoffs(structuredData(seed, { level, now: '2026-07-20T09:00:00Z' }))).toEqual(['14:00:00+02:00']);
    }
  });

  it('changes on the day the clocks change, not the day after', () => {
    // 29 March 2026: Paris goes from +01:00 to +02:00 at 02:00; 25 October 2026: back at 03:00.
    expect(cutoffs(structuredData(seed, { now: '2026-03-28T12:00' }))).toEqual(['14:00:00+01:00']);
    expect(cutoffs(structuredData(seed, { now: '2026-03-29T00:30' }))).toEqual(['14:00:00+02:00']);
    expect(cutoffs(structuredData(seed, { now: '2026-10-24T12:00' }))).toEqual(['14:00:00+02:00']);
    expect(cutoffs(structuredData(seed, { now: '2026-10-25T00:30' }))).toEqual(['14:00:00+01:00']);
  });

  it('a cutoff the clock skips that night is the reading it jumps to (the same instant)', () => {
    const policy = withCutoff('Europe/Paris', '02:30');
    expect(cutoffs(structuredData(policy, { now: '2026-03-29T00:10' }))).toEqual(['03:00:00+02:00']);
    expect(cutoffs(structuredData(policy, { now: '2026-03-30T00:10' }))).toEqual(['02:30:00+02:00']);
  });

  it('west of Greenwich the offset is negative; on Greenwich time it is +00:00', () => {
    const ny = withCutoff('America/New_York', '16:30');
    expect(cutoffs(structuredData(ny, { now: '2026-01-15T12:00' }))).toEqual(['16:30:00-05:00']);
    expect(cutoffs(structuredData(ny, { now: '2026-07-15T12:00' }))).toEqual(['16:30:00-04:00']);
    expect(cutoffs(structuredData(withCutoff('Europe/London', '15:00'), { now: '2026-01-15T12:00' }))).toEqual([
      '15:00:00+00:00',
    ]);
  });

  it('follows the date on the merchant’s clock, not UTC’s', () => {
    // 23:30 UTC on 28 March is already 29 March (summer time) in Paris.
    expect(cutoffs(structuredData(seed, { now: '2026-03-28T23:30:00Z' }))).toEqual(['14:00:00+02:00']);
  });
});

describe('the days are the page’s (padded, as quoteDelivery counts them)', () => {
  const policies = [
    'policy-full.json',
    'policy-es.json',
    '03-friday-afternoon-weekend.json',
    '06-handling-1-2-days.json',
  ];
  for (const name of policies) {
    it(name, () => {
      const policy = parsePolicy(example(name));
      const data = structuredData(policy, { now: '2026-05-04T09:00' }) as StructuredData & {
        shippingDetails: { deliveryTime: Record<string, { minValue: number; maxValue: number }> }[];
      };
      const details = data.shippingDetails;
      let i = 0;
      for (const method of policy.delivery!.methods) {
        const { quoted } = quoteDelivery(policy, { method: method.id, now: '2026-05-04T09:00' });
        for (let c = 0; c < (method.countries?.length ?? 1); c++) {
          const { handlingTime, transitTime } = details[i++]!.deliveryTime;
          expect(handlingTime!.minValue + transitTime!.minValue).toBe(quoted.minDays);
          expect(handlingTime!.maxValue + transitTime!.maxValue).toBe(quoted.maxDays);
          expect([handlingTime!.minValue, handlingTime!.maxValue]).toEqual([
            method.handlingDays.min,
            method.handlingDays.max,
          ]);
        }
      }
      expect(details).toHaveLength(i);
    });
  }
});

describe('non-refundable categories', () => {
  const full = example('policy-full.json');
  const withReasons = {
    ...full,
    nonRefundable: [
      { id: 'seats', reason: 'hygiene', items: 'Toilet seats' },
      { id: 'dvds', reason: 'sealed-media', items: 'DVDs' },
      { id: 'curtains', reason: 'custom-made', items: 'Made-to-measure curtains' },
      { id: 'cakes', reason: 'perishable', items: 'Cakes' },
      { id: 'sale', reason: 'final-sale', items: 'Clearance' },
    ],
  };
  const now = '2026-03-02T10:00';

  it('only those that can never come back are MerchantReturnNotPermitted (organization level)', () => {
    const data = structuredData(withReasons, { level: 'organization', now }) as StructuredData & {
      hasMerchantReturnPolicy: { name?: string; returnPolicyCategory: string }[];
    };
    expect(data.hasMerchantReturnPolicy.map((p) => [p.name, p.returnPolicyCategory])).toEqual([
      [undefined, 'https://schema.org/MerchantReturnFiniteReturnWindow'],
      ['Made-to-measure curtains', 'https://schema.org/MerchantReturnNotPermitted'],
      ['Cakes', 'https://schema.org/MerchantReturnNotPermitted'],
    ]);
  });

  it('a product of a hygiene or sealed-media category keeps the return policy (offer level)', () => {
    const category = (id: string) =>
      (structuredData(withReasons, { nonRefundable: id, now }).hasMerchantReturnPolicy as Record<string, unknown>)
        .returnPolicyCategory;
    expect(category('seats')).toBe('https://schema.org/MerchantReturnFiniteReturnWindow');
    expect(category('dvds')).toBe('https://schema.org/MerchantReturnFiniteReturnWindow');
    expect(category('sale')).toBe('https://schema.org/MerchantReturnFiniteReturnWindow');
    expect(category('curtains')).toBe('https://schema.org/MerchantReturnNotPermitted');
    expect(category('cakes')).toBe('https://schema.org/MerchantReturnNotPermitted');
  });

  it('an unknown category id is an error naming the ones there are', () => {
    expect(() => structuredData(withReasons, { nonRefundable: 'sofas', now })).toThrow(/"sofas".*"seats", "dvds"/);
  });
});

describe('nothing the file does not state', () => {
  const now = '2026-03-02T10:00';
  const base = example('policy-full.json') as { returns: Record<string, unknown>; merchant: Record<string, unknown> };

  it('no returnFees without fees, no refundType without a refund method, no link without policyUrl', () => {
    const { fees: _f, refund: _r, restockingFeePercent: _s, ...returns } = base.returns;
    const { policyUrl: _u, ...merchant } = base.merchant;
    const data = structuredData({ ...base, merchant, returns }, { now });
    const policy = data.hasMerchantReturnPolicy as Record<string, unknown>;
    for (const key of ['returnFees', 'returnShippingFeesAmount', 'refundType', 'restockingFee', 'merchantReturnLink'])
      expect(policy).not.toHaveProperty(key);
  });

  it('fees as an amount: ReturnShippingFees with the amount; an amount of 0 is a free return', () => {
    const fees = (value: unknown) =>
      structuredData({ ...base, returns: { ...base.returns, fees: value } }, { now }).hasMerchantReturnPolicy;
    expect(fees({ amount: 6.5, currency: 'EUR' })).toMatchObject({
      returnFees: 'https://schema.org/ReturnShippingFees',
      returnShippingFeesAmount: { '@type': 'MonetaryAmount', value: 6.5, currency: 'EUR' },
    });
    expect(fees({ amount: 0, currency: 'EUR' })).toMatchObject({ returnFees: 'https://schema.org/FreeReturn' });
    expect(fees({ amount: 0, currency: 'EUR' })).not.toHaveProperty('returnShippingFeesAmount');
  });

  it('a method without a price has no shippingRate; a free one has a rate of 0', () => {
    const details = (policy: unknown) =>
      structuredData(policy, { now, only: 'shipping' }).shippingDetails as Record<string, unknown>[];
    expect(details(example('01-seed-example.json'))[0]).not.toHaveProperty('shippingRate');
    expect(details(base)[0]!.shippingRate).toEqual({ '@type': 'MonetaryAmount', value: 0, currency: 'EUR' });
  });

  it('only: "shipping" and "returns" give one part each', () => {
    expect(Object.keys(structuredData(base, { now, only: 'shipping' }))).toEqual([
      '@context',
      '@type',
      'shippingDetails',
    ]);
    expect(Object.keys(structuredData(base, { now, only: 'returns', level: 'organization' }))).toEqual([
      '@context',
      '@type',
      'name',
      'hasMerchantReturnPolicy',
    ]);
  });
});

describe('errors and the script text', () => {
  it('an invalid policy, an invalid now or level is a PolicyError', () => {
    expect(() => structuredData({ version: 2 })).toThrow(PolicyError);
    expect(() => structuredData(demo, { now: 'next Tuesday' })).toThrow(PolicyError);
    expect(() => structuredData(demo, { level: 'product' as 'offer', now: '2026-03-02T10:00' })).toThrow(
      /"offer" or "organization"/,
    );
  });

  it('structuredDataScript writes < as \\u003c: merchant text cannot close the script, and the JSON reads back the same', () => {
    const hostile = {
      ...example('policy-full.json'),
      merchant: { name: '</script><script>alert(1)</script><!--', timeZone: 'Europe/Paris', country: 'FR' },
    };
    const data = structuredData(hostile, { level: 'organization', now: '2026-03-02T10:00' });
    const text = structuredDataScript(data);
    expect(text).not.toContain('<');
    expect(text).toContain('\\u003c/script>');
    expect(JSON.parse(text)).toEqual(data);
  });
});
