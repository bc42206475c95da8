/**
 * `policy-explainer jsonld`: the JSON-LD a merchant pastes into a page, its options, and what it
 * says when it cannot make it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/policy-explainer.js';
import { structuredData } from '../../src/core/index.js';

const fixture = (path: string) => new URL(`../fixtures/${path}`, import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'policy-jsonld-'));

/** Runs the command (synchronously: jsonld loads nothing); its output and exit status. */
function run(...args: string[]) {
  const lines: string[] = [];
  const status = main(args, (line) => lines.push(line));
  return { status, text: lines.join('\n') };
}

const FULL = fixture('examples/policy-full.json');

describe('policy-explainer jsonld', () => {
  it('prints the offer level by default, as the core makes it, for the instant given', () => {
    const { status, text } = run('jsonld', '--now', '2026-01-20T10:00', FULL);
    expect(status).toBe(0);
    const policy = JSON.parse(readFileSync(FULL, 'utf8')) as unknown;
    expect(JSON.parse(text)).toEqual(structuredData(policy, { now: '2026-01-20T10:00' }));
    expect(JSON.parse(text)['@type']).toBe('Offer');
    expect(text).toContain('"cutoffTime": "14:00:00+01:00"');
  });

  it('--level organization, --lang: an OnlineStore with the names in that language; summer time in July', () => {
    const { status, text } = run(
      'jsonld',
      FULL,
      '--level',
      'organization',
      '--lang',
      'es',
      '--now',
      '2026-07-01T10:00',
    );
    expect(status).toBe(0);
    const data = JSON.parse(text);
    expect(data['@type']).toBe('OnlineStore');
    expect(data.name).toBe('Maison Dupont — Muebles y confort en casa');
    expect(data.hasShippingService[0].name).toBe('Envío estándar');
    expect(data.hasShippingService[0].handlingTime.cutoffTime).toBe('14:00:00+02:00');
  });

  it('--non-refundable: a custom-made product is not returnable, a hygiene one keeps the window', () => {
    const category = (id: string) =>
      JSON.parse(run('jsonld', '--non-refundable', id, '--now', '2026-01-20T10:00', FULL).text).hasMerchantReturnPolicy
        .returnPolicyCategory;
    expect(category('made-to-measure')).toBe('https://schema.org/MerchantReturnNotPermitted');
    expect(category('hygiene')).toBe('https://schema.org/MerchantReturnFiniteReturnWindow');
    const unknown = run('jsonld', '--non-refundable', 'sofas', '--now', '2026-01-20T10:00', FULL);
    expect(unknown.status).toBe(2);
    expect(unknown.text).toContain('"sofas"');
  });

  it('writes < as \\u003c, so the output can be pasted into a script element as it is', () => {
    const policy = JSON.parse(readFileSync(FULL, 'utf8'));
    policy.merchant.name = 'Dupont </script><script>alert(1)</script>';
    const file = join(dir, 'hostile.json');
    writeFileSync(file, JSON.stringify(policy));
    const { status, text } = run('jsonld', '--level', 'organization', '--now', '2026-01-20T10:00', file);
    expect(status).toBe(0);
    expect(text).not.toContain('<');
    expect(JSON.parse(text).name).toBe(policy.merchant.name);
  });

  it('an invalid policy: its errors at their line and column, exit 1, no JSON-LD', () => {
    const file = join(dir, 'invalid.json');
    writeFileSync(file, '{\n  "version": 1,\n  "merchant": { "timeZone": "Europe/Pariss" }\n}\n');
    const { status, text } = run('jsonld', file);
    expect(status).toBe(1);
    expect(text).toMatch(/invalid\.json":3:\d+ +error +\/merchant\/timeZone/);
    expect(text).not.toContain('schema.org');
  });

  it('usage errors exit 2: a wrong level, a bad --now, no file, an unknown option, a missing file', () => {
    expect(run('jsonld', '--level', 'product', FULL)).toMatchObject({ status: 2 });
    expect(run('jsonld', '--level', 'product', FULL).text).toContain('"offer" or "organization"');
    expect(run('jsonld', '--now', 'tomorrow', FULL)).toMatchObject({ status: 2 });
    expect(run('jsonld')).toMatchObject({ status: 2 });
    expect(run('jsonld', '--pretty', FULL)).toMatchObject({ status: 2 });
    expect(run('jsonld', join(dir, 'missing.json')).text).toContain('cannot read');
  });

  it('--help describes the command; the main usage names it', () => {
    expect(run('jsonld', '--help')).toMatchObject({ status: 0 });
    expect(run('jsonld', '--help').text).toContain('--level organization');
    expect(run('--help').text).toContain('policy-explainer jsonld');
  });
});
