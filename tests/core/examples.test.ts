import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPolicy, parsePolicy, quoteDelivery } from '../../src/core/index.js';
import { DEMO_CANCELLATION_URL, DEMO_CONTACT, DEMO_WITHDRAWAL, demoPolicy } from '../../scripts/demo-policy.mjs';

const fixtures = new URL('../fixtures/examples/', import.meta.url);
const shared = new URL('../../../shared/examples/', import.meta.url);
const read = (dir: URL, name: string) => readFileSync(new URL(name, dir), 'utf8');
const cases = readdirSync(fixtures).filter((f) => /^\d\d-.*\.json$/.test(f));

describe('the shared worked cases', () => {
  it('are all here (six cases at least)', () => {
    expect(cases.length).toBeGreaterThanOrEqual(6);
  });

  for (const file of cases) {
    const example = JSON.parse(read(fixtures, file));
    it(`${file}: ${example.name}`, () => {
      const quote = quoteDelivery(example.policy, { method: example.method, now: example.now });
      const { cutoff: _cutoff, ...pinned } = quote;
      expect(pinned).toEqual(example.expect);
    });
  }
});

describe('the shared complete policies', () => {
  for (const file of ['policy-full.json', 'policy-es.json']) {
    it(`${file} is valid, without a warning`, () => {
      // A fixed instant: their holidays run to the end of 2027, and a later "now" warns that they ran out.
      const result = checkPolicy(read(fixtures, file), { now: '2026-03-02T10:00:00+01:00' });
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual([]);
      expect(result.policy?.version).toBe(1);
    });
  }
});

describe.runIf(existsSync(shared))('the copies in tests/fixtures', () => {
  const sharedFiles = existsSync(shared)
    ? readdirSync(shared).filter((f) => f.endsWith('.json') || f.endsWith('.md'))
    : [];
  for (const file of sharedFiles) {
    it(`${file} is identical to ../shared/examples/${file}`, () => {
      expect(read(fixtures, file)).toBe(read(shared, file));
    });
  }
});

describe('the demo policy', () => {
  const demo = read(new URL('../../demo/', import.meta.url), 'policy.json');
  it('is the shared complete policy with its French holidays carried on, ’ in its French, its contacts and a withdrawal section (scripts/demo-policy.mjs writes it)', () => {
    expect(demo).toBe(demoPolicy());
    const { calendar, withdrawal, ...rest } = JSON.parse(demo);
    // The demo server's endpoint (npm start), as the withdrawal element needs one.
    expect(withdrawal).toEqual(DEMO_WITHDRAWAL);
    expect(withdrawal.endpoint).toBe('http://localhost:8000/api/withdrawal');
    // How to reach the shop, shown with the cancellation channels.
    expect(rest.merchant.contact).toEqual(DEMO_CONTACT);
    expect(rest.cancellation.url).toBe(DEMO_CANCELLATION_URL);
    delete rest.merchant.contact;
    delete rest.cancellation.url;
    // The shared file's French, typographic apostrophes aside, and every other language as it is.
    const typographic = JSON.parse(read(fixtures, 'policy-full.json'), (key, value) =>
      key === 'fr' && typeof value === 'string' ? value.replaceAll("'", '’') : value,
    );
    const { calendar: sharedCalendar, ...sharedRest } = typographic;
    expect(rest).toEqual(sharedRest);
    expect(calendar.holidays.slice(0, sharedCalendar.holidays.length)).toEqual(sharedCalendar.holidays);
  });
  it.each(['2026-03-02T10:00', '2027-12-20T16:00', '2031-12-31T23:50', '2039-06-30T12:00'])(
    'says nothing stale on %s: no warning',
    (now) => {
      expect(checkPolicy(demo, { now })).toMatchObject({ errors: [], warnings: [] });
    },
  );
  it('counts the holidays of later years: Christmas 2030 is not a delivery day', () => {
    const { quoted } = quoteDelivery(demo, { now: '2030-12-23T10:00' });
    // Received Mon 23. Earliest: 4 delivery days from Mon 23, Wed 25 skipped: Tue 24, Thu 26, Fri 27, Sat 28.
    // Latest: shipped Tue 24, then 6: Thu 26, Fri 27, Sat 28, Mon 30, Tue 31, and Thu 2 (1 January skipped).
    expect([quoted.earliest, quoted.latest]).toEqual(['2030-12-28', '2031-01-02']);
  });
});

describe('the seed example, by hand', () => {
  const policy = parsePolicy(JSON.parse(read(fixtures, '01-seed-example.json')).policy);
  it('tells the cutoff instant when an order placed now is received today', () => {
    expect(quoteDelivery(policy, { now: '2026-03-02T10:00:00+01:00' }).cutoff).toBe('2026-03-02T13:00:00.000Z');
  });
  it('has no cutoff once it has passed', () => {
    expect(quoteDelivery(policy, { now: '2026-03-02T15:00:00+01:00' }).cutoff).toBeUndefined();
  });
  it('counts an order at exactly the cutoff as after it', () => {
    expect(quoteDelivery(policy, { now: '2026-03-02T14:00:00+01:00' }).received).toBe('2026-03-03');
    expect(quoteDelivery(policy, { now: '2026-03-02T13:59:59+01:00' }).received).toBe('2026-03-02');
  });
});
