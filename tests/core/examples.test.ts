import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPolicy, parsePolicy, quoteDelivery } from '../../src/core/index.js';

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
  const sharedFiles = existsSync(shared) ? readdirSync(shared).filter((f) => f.endsWith('.json') || f.endsWith('.md')) : [];
  for (const file of sharedFiles) {
    it(`${file} is identical to ../shared/examples/${file}`, () => {
      expect(read(fixtures, file)).toBe(read(shared, file));
    });
  }
  it('the demo policy is identical to ../shared/examples/policy-full.json', () => {
    expect(read(new URL('../../demo/', import.meta.url), 'policy.json')).toBe(read(shared, 'policy-full.json'));
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
