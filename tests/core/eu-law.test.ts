/**
 * The EU consumer-law check: each warning alone, on a policy that is otherwise compliant, at the
 * path the merchant must edit and citing its rule; the example policies give the warnings a lawyer
 * would give them, and no other.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/core/index.js';
import { euLawCheck, EU_COUNTRIES, isEuCountry } from '../../src/core/eu-law.js';

/** A French shop that does all the law asks: the base every test changes one thing of. */
const compliant = () => ({
  version: 1,
  merchant: { name: 'Maison Test', timeZone: 'Europe/Paris', country: 'FR' },
  delivery: { methods: [{ id: 'standard', cutoff: '14:00', transitDays: { min: 2, max: 3 } }] },
  returns: {
    windowDays: 14,
    fees: 'customer-pays',
    refund: { method: 'original-payment', withinDays: 14 },
    restockingFeePercent: 0,
  },
  nonRefundable: [
    { id: 'custom', reason: 'custom-made', items: 'Made-to-measure curtains' },
    { id: 'food', reason: 'perishable', items: 'Cakes' },
    { id: 'hygiene', reason: 'hygiene', items: 'Toothbrushes' },
    { id: 'media', reason: 'sealed-media', items: 'DVDs' },
  ],
  cancellation: { free: { until: 'shipment' }, channels: ['online'] },
  withdrawal: { days: 14, endpoint: 'https://shop.example/api/withdrawal', email: 'retour@shop.example' },
});
type Raw = ReturnType<typeof compliant> & Record<string, unknown>;

/** A Monday in March 2026 (before the withdrawal function is due) and one in December 2026 (after). */
const BEFORE = '2026-03-02T10:00:00+01:00';
const AFTER = '2026-12-07T10:00:00+01:00';

/** The check of a policy changed by `change`, as of `now`, for sales to `country`. */
function check(change: (p: Raw) => void = () => {}, now = AFTER, country = 'FR') {
  const raw = compliant() as Raw;
  change(raw);
  // The parser may not know "withdrawal" yet (it then drops it as an unknown field): the raw file says it.
  const { withdrawal: _w, ...known } = raw;
  return euLawCheck(parsePolicy(known), { country, now, raw });
}
const paths = (result: ReturnType<typeof check>) => result.warnings.map((w) => w.path);

describe('a compliant policy', () => {
  it('gives no warning, in France, in Spain, before and after 19 June 2026', () => {
    for (const country of ['FR', 'ES', 'DE', 'fr'])
      for (const now of [BEFORE, AFTER])
        expect(check(undefined, now, country)).toMatchObject({ applies: true, warnings: [] });
  });
});

describe('each warning alone', () => {
  it('a return window under 14 days, at windowDays, citing art. 9 and L221-18 in France', () => {
    const { warnings } = check((p) => (p.returns.windowDays = 13));
    expect(paths({ warnings } as never)).toEqual(['/returns/windowDays']);
    expect(warnings[0]!.message).toContain('13 days');
    expect(warnings[0]!.rule).toBe('Directive 2011/83/EU art. 9; Code de la consommation L221-18');
    expect(warnings[0]!.change).toMatch(/14 or more/);
    // 14 is enough.
    expect(check((p) => (p.returns.windowDays = 14)).warnings).toEqual([]);
  });

  it('cites TRLGDCU art. 102 and 104 in Spain, and the directive alone in Germany', () => {
    expect(check((p) => (p.returns.windowDays = 7), AFTER, 'ES').warnings[0]!.rule).toBe(
      'Directive 2011/83/EU art. 9; TRLGDCU art. 102 and 104',
    );
    expect(check((p) => (p.returns.windowDays = 7), AFTER, 'DE').warnings[0]!.rule).toBe('Directive 2011/83/EU art. 9');
  });

  it('no returns section, at /returns', () => {
    const { warnings } = check((p) => delete (p as Partial<Raw>).returns);
    expect(warnings.map((w) => w.path)).toEqual(['/returns']);
    expect(warnings[0]!.message).toMatch(/no returns section/);
  });

  it('a withdrawal period under 14 days in the withdrawal section', () => {
    const { warnings } = check((p) => (p.withdrawal.days = 10));
    expect(warnings.map((w) => w.path)).toEqual(['/withdrawal/days']);
  });

  for (const reason of ['final-sale', 'other']) {
    it(`a "${reason}" non-refundable category, at its reason, citing art. 16 and C-681/17`, () => {
      const { warnings } = check((p) =>
        p.nonRefundable.push({ id: 'sale', reason, items: 'Sale items' } as (typeof p.nonRefundable)[number]),
      );
      expect(warnings.map((w) => w.path)).toEqual(['/nonRefundable/4/reason']);
      expect(warnings[0]!.message).toContain(`"${reason}"`);
      expect(warnings[0]!.message).toContain('C-681/17');
      expect(warnings[0]!.rule).toBe('Directive 2011/83/EU art. 16; Code de la consommation L221-28');
    });
  }

  it('a restocking fee, at restockingFeePercent', () => {
    const { warnings } = check((p) => (p.returns.restockingFeePercent = 15));
    expect(warnings.map((w) => w.path)).toEqual(['/returns/restockingFeePercent']);
    expect(warnings[0]!.message).toContain('15 %');
    expect(warnings[0]!.rule).toMatch(/art\. 9 and 14/);
  });

  it('a cancellation fee within the withdrawal period, at cancellation/fee, whether a percent or an amount', () => {
    const percent = check((p) => Object.assign(p.cancellation, { fee: { percent: 10 } })).warnings;
    expect(percent.map((w) => w.path)).toEqual(['/cancellation/fee']);
    expect(percent[0]!.message).toMatch(/once the order has shipped/);
    const amount = check((p) =>
      Object.assign(p.cancellation, { free: { withinHours: 24 }, fee: { amount: 5, currency: 'EUR' } }),
    ).warnings;
    expect(amount.map((w) => w.path)).toEqual(['/cancellation/fee']);
    expect(amount[0]!.message).toMatch(/24 hours after the order/);
    // A fee of nothing is no fee.
    expect(check((p) => Object.assign(p.cancellation, { fee: { percent: 0 } })).warnings).toEqual([]);
  });

  it('a refund later than 14 days, at refund/withinDays', () => {
    const { warnings } = check((p) => (p.returns.refund.withinDays = 30));
    expect(warnings.map((w) => w.path)).toEqual(['/returns/refund/withinDays']);
    expect(warnings[0]!.rule).toBe('Directive 2011/83/EU art. 13; Code de la consommation L221-24');
  });

  it('store credit (or an exchange) as the only refund, at refund/method', () => {
    for (const method of ['store-credit', 'exchange']) {
      const { warnings } = check((p) => (p.returns.refund.method = method));
      expect(warnings.map((w) => w.path)).toEqual(['/returns/refund/method']);
    }
  });

  it('no statement of who pays return shipping, at returns/fees', () => {
    const { warnings } = check((p) => delete (p.returns as Partial<Raw['returns']>).fees);
    expect(warnings.map((w) => w.path)).toEqual(['/returns/fees']);
    expect(warnings[0]!.message).toMatch(/shop bears that cost/);
    expect(warnings[0]!.rule).toMatch(/art\. 6\(1\)\(i\) and 14\(1\)/);
  });

  it('a padded delivery quote over 30 days, at the method; 30 days is not', () => {
    // Monday 7 December 2026 before the cutoff: received that day. 19 business days of transit padded by
    // up to 2 (no holiday listed) end on Tuesday 5 January 2027, 29 days on; 20 on Wednesday 6 (30 days);
    // 21 on Thursday 7, 31 days after the order.
    const at = (max: number) => check((p) => (p.delivery.methods[0]!.transitDays = { min: 2, max })).warnings;
    expect(at(19)).toEqual([]);
    expect(at(20)).toEqual([]);
    const [warning] = at(21);
    expect(warning!.path).toBe('/delivery/methods/0');
    expect(warning!.message).toContain(
      'Delivery "standard" is quoted up to 2027-01-07, 31 days after an order placed on 2026-12-07',
    );
    expect(warning!.rule).toBe('Directive 2011/83/EU art. 18; Code de la consommation L216-1');
  });

  it("the padding counts: the quote shoppers read, not the carrier's", () => {
    const padded = check((p) =>
      Object.assign(p.delivery.methods[0]!, { transitDays: { min: 2, max: 18 }, padding: { min: 0, max: 5 } }),
    );
    expect(padded.warnings.map((w) => w.path)).toEqual(['/delivery/methods/0']);
  });

  it("no withdrawal function from 19 June 2026 (merchant's date), citing the French ordonnance and décret", () => {
    const none = (now: string) => check((p) => delete (p as Partial<Raw>).withdrawal, now).warnings;
    expect(none('2026-06-18T23:59:00+02:00')).toEqual([]);
    const [warning] = none('2026-06-19T00:00:00+02:00');
    expect(warning!.path).toBe('/withdrawal');
    expect(warning!.rule).toBe(
      'Directive 2011/83/EU art. 11a, inserted by Directive (EU) 2023/2673; Ordonnance 2026-2 and Décret 2026-3 of 5 January 2026',
    );
    // 18 June 23:30 in Paris is already 19 June in Tokyo: the merchant's clock decides.
    expect(none('2026-06-18T21:30:00Z')).toEqual([]);
    // A section without an endpoint: at the endpoint.
    const noEndpoint = check((p) => delete (p.withdrawal as Partial<Raw['withdrawal']>).endpoint).warnings;
    expect(noEndpoint.map((w) => w.path)).toEqual(['/withdrawal/endpoint']);
  });

  it('reads the withdrawal section from the parsed policy too, once the parser knows it', () => {
    const raw = compliant();
    const policy = { ...parsePolicy({ ...raw, withdrawal: undefined }), withdrawal: raw.withdrawal };
    expect(euLawCheck(policy as never, { country: 'FR', now: AFTER }).warnings).toEqual([]);
  });

  it('every warning is a message that holds its rule and what to change', () => {
    const { warnings } = check((p) => {
      p.returns.windowDays = 7;
      p.returns.refund.method = 'store-credit';
    });
    expect(warnings).toHaveLength(2);
    for (const w of warnings) expect(w.message).toContain(w.change);
    for (const w of warnings) expect(w.message.endsWith(`(${w.rule})`)).toBe(true);
  });
});

describe('countries', () => {
  it('the 27 member states apply the rules; others get a note and no warning', () => {
    expect(EU_COUNTRIES).toHaveLength(27);
    expect(isEuCountry('es')).toBe(true);
    for (const country of ['CH', 'GB', 'US']) {
      const result = check((p) => (p.returns.windowDays = 7), AFTER, country);
      expect(result).toMatchObject({ applies: false, country, warnings: [] });
      expect(result.note).toMatch(new RegExp(`^${country} is not an EU member state`));
    }
    expect(check(undefined, AFTER, 'NO').note).toMatch(/EEA Agreement/);
  });
});

describe('the example policies', () => {
  const fixtures = new URL('../fixtures/examples/', import.meta.url);
  const read = (name: string) => JSON.parse(readFileSync(new URL(name, fixtures), 'utf8'));

  it('policy-full.json (France): only its 10 % cancellation fee after shipment, and, after 19 June 2026, no withdrawal function', () => {
    // Its 30-day window, free returns, 14-day refund to the card, hygiene (once unsealed) and made-to-measure
    // exceptions and 16-day home delivery are all lawful. Cancelling after shipment is withdrawing: no fee.
    const policy = parsePolicy(read('policy-full.json'));
    expect(euLawCheck(policy, { country: 'FR', now: BEFORE }).warnings.map((w) => w.path)).toEqual([
      '/cancellation/fee',
    ]);
    expect(euLawCheck(policy, { country: 'FR', now: '2026-12-01T10:00:00+01:00' }).warnings.map((w) => w.path)).toEqual(
      ['/cancellation/fee', '/withdrawal'],
    );
  });

  it('policy-es.json (Spain): only its €5 fee after the first 24 hours, and no withdrawal function', () => {
    // 14 days, return costs stated (the customer's), refund within 14 days, hygiene exception, Canarias in 20 days.
    const policy = parsePolicy(read('policy-es.json'));
    const result = euLawCheck(policy, { country: 'ES', now: '2026-12-01T10:00:00+01:00' });
    expect(result.warnings.map((w) => w.path)).toEqual(['/cancellation/fee', '/withdrawal']);
    expect(result.warnings[0]!.rule).toBe('Directive 2011/83/EU art. 9 and 14; TRLGDCU art. 102 and 108');
  });

  it('the delivery cases (no returns section): that one, and the withdrawal function only for the order after 19 June 2026', () => {
    const cases = readdirSync(fixtures).filter((f) => /^\d\d-.*\.json$/.test(f));
    expect(cases.length).toBeGreaterThanOrEqual(6);
    for (const file of cases) {
      const { policy, now } = read(file) as { policy: unknown; now: string };
      const expected = now.slice(0, 10) >= '2026-06-19' ? ['/returns', '/withdrawal'] : ['/returns'];
      expect(
        euLawCheck(parsePolicy(policy), { country: 'FR', now }).warnings.map((w) => w.path),
        file,
      ).toEqual(expected);
    }
  });
});

describe('the core API', () => {
  it('takes the policy as written too (a JSON string or an object), withdrawal section included', () => {
    const text = JSON.stringify(compliant());
    const options = { country: 'FR', now: AFTER };
    expect(euLawCheck(text, options).warnings).toEqual([]);
    expect(euLawCheck(JSON.parse(text), options).warnings).toEqual([]);
    const { withdrawal: _w, ...without } = compliant();
    expect(euLawCheck(JSON.stringify(without), options).warnings.map((w) => w.path)).toEqual(['/withdrawal']);
    expect(() => euLawCheck('{"version": 2}', options)).toThrow(/version 1/);
  });

  it('reads the withdrawal section the parser returns, with no raw text given', () => {
    const options = { country: 'FR', now: AFTER };
    expect(euLawCheck(parsePolicy(compliant()), options).warnings).toEqual([]);
    const { withdrawal: _w, ...without } = compliant();
    expect(euLawCheck(parsePolicy(without), options).warnings.map((w) => w.path)).toEqual(['/withdrawal']);
  });

  it('is exported by policy-explainer/core', async () => {
    const core = await import('../../src/core/index.js');
    expect(core.euLawCheck).toBe(euLawCheck);
  });
});
