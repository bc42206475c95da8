/**
 * `policy-explainer check --country FR`: the EU consumer-law warnings where a merchant sees them,
 * at the line and column of what to change, citing the rule; warnings only (the exit status stays 0
 * for a valid file); a country outside the EU said plainly.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type FileReport } from '../../src/cli/policy-explainer.js';

const fixture = (name: string) => new URL(`../fixtures/examples/${name}`, import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'policy-country-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

function check(...args: string[]) {
  const lines: string[] = [];
  const status = main(args, (line) => lines.push(...line.split('\n')));
  return { status, lines, text: lines.join('\n') };
}

/** The text at a reported line:column of a file. */
const textAt = (path: string, line: number, column: number, length: number) =>
  readFileSync(path, 'utf8')
    .split('\n')
    [line - 1]!.slice(column - 1, column - 1 + length);

const AFTER = '2026-12-07T10:00:00+01:00';

/** A policy with a 7-day window, a restocking fee and a final-sale category, indented as a merchant writes it. */
const SHORT = `{
  "version": 1,
  "merchant": { "timeZone": "Europe/Paris", "country": "FR" },
  "returns": {
    "windowDays": 7,
    "fees": "free",
    "restockingFeePercent": 20
  },
  "nonRefundable": [
    { "id": "sale", "reason": "final-sale", "items": "Sale items" }
  ]
}
`;

describe('check --country', () => {
  it('prints each legal warning at its line and column, with its path and rule, and exits 0', () => {
    const path = file('short.json', SHORT);
    const { status, lines, text } = check('check', '--country', 'FR', '--now', AFTER, path);
    expect(status).toBe(0);
    const warning = (pointer: string) => {
      const line = lines.find((l) => l.includes(`  warning  ${pointer}  `));
      expect(line, pointer).toBeDefined();
      const [, l, c] = /:(\d+):(\d+) {2}warning/.exec(line!)!;
      return { line: line!, at: (length: number) => textAt(path, Number(l), Number(c), length) };
    };
    const window = warning('/returns/windowDays');
    expect(window.at(1)).toBe('7');
    expect(window.line).toContain('Directive 2011/83/EU art. 9; Code de la consommation L221-18');
    expect(window.line).toContain('Set "windowDays" to 14 or more.');
    expect(warning('/returns/restockingFeePercent').at(2)).toBe('20');
    expect(warning('/nonRefundable/0/reason').at(12)).toBe('"final-sale"');
    // No withdrawal section: shown where it would go, the top of the file.
    expect(warning('/withdrawal').at(1)).toBe('{');
    expect(text).toContain(`${path}: valid (0 errors, 4 warnings)`);
  });

  it('gives none of them without --country, nor before the withdrawal function was due', () => {
    const path = file('short2.json', SHORT);
    expect(check('check', '--now', AFTER, path).text).not.toContain('Directive');
    const before = check('check', '--country', 'fr', '--now', '2026-03-02T10:00:00+01:00', path).text;
    expect(before).toContain('3 warnings');
    expect(before).not.toContain('2023/2673');
  });

  it('cites Spanish law for ES, and puts the warnings in --json with their rule and change', () => {
    const { status, lines } = check('check', '--country', 'ES', '--json', '--now', AFTER, fixture('policy-es.json'));
    expect(status).toBe(0);
    const [report] = JSON.parse(lines.join('\n')) as FileReport[];
    expect(report!.errors).toEqual([]);
    expect(report!.warnings.map((w) => [w.path, w.line])).toEqual([
      ['/cancellation/fee', expect.any(Number)],
      ['/withdrawal', 1],
    ]);
    expect(report!.warnings[0]).toMatchObject({
      rule: 'Directive 2011/83/EU art. 9 and 14; TRLGDCU art. 102 and 108',
      change: expect.stringContaining('Charge no fee'),
    });
    expect(textAt(fixture('policy-es.json'), report!.warnings[0]!.line!, report!.warnings[0]!.column!, 1)).toBe('{');
  });

  it('says plainly that no EU rules apply outside the EU, and still checks the file', () => {
    const path = file('short3.json', SHORT);
    const { status, lines } = check('check', '--country', 'CH', '--now', AFTER, path);
    expect(status).toBe(0);
    expect(lines[0]).toBe(
      'policy-explainer: CH is not an EU member state: no EU consumer rules apply to sales there, and none are checked.',
    );
    expect(lines).toContain(`${path}: valid (0 errors, 0 warnings)`);
  });

  it('refuses a country that is not a two-letter code (exit 2)', () => {
    for (const bad of ['France', 'F1', '']) {
      const { status, text } = check('check', '--country', bad, fixture('policy-full.json'));
      expect(status).toBe(2);
      expect(text).toContain('--country needs a two-letter country code');
    }
    expect(check('check', fixture('policy-full.json'), '--country').status).toBe(2);
  });

  it('reads the withdrawal section: with an endpoint, no warning for it', () => {
    const policy = JSON.parse(readFileSync(fixture('policy-full.json'), 'utf8')) as Record<string, unknown>;
    policy.withdrawal = { days: 14, endpoint: 'https://maison-dupont.example/api/withdrawal' };
    const path = file('with-endpoint.json', JSON.stringify(policy, null, 2));
    const { text } = check('check', '--country', 'FR', '--now', AFTER, path);
    expect(text).not.toContain('withdrawal function');
    expect(text).toContain('/cancellation/fee');
    expect(text).toContain(`${path}: valid (0 errors, 1 warning)`);
  });
});
