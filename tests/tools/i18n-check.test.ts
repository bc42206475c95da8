import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkLocales } from '../../scripts/i18n-check.mjs';

// Paths are relative to the project root, as a translator would type them.
const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const fromRoot = (path: string) => join(projectRoot, path);

function runCli(...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/i18n-check.mjs', ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  const lines = result.stdout.trimEnd().split('\n');
  return { status: result.status, problemLines: lines.slice(0, -1), summary: lines.at(-1), stderr: result.stderr };
}

/** "file  key  level": the start of a report line, the part a test pins exactly. */
type Place = `${string}  ${string}  ${'error' | 'warning'}`;

interface BrokenCase {
  rule: string;
  /** Every expected line, in the order of the report, with a piece of its message. */
  expected: [Place, string][];
  exitCode: 0 | 1;
}

const brokenCases: Record<string, BrokenCase> = {
  'missing-key': {
    rule: 'a key of en.json missing',
    expected: [['fr.json  delivery.free  error', 'missing key: add "delivery.free"']],
    exitCode: 1,
  },
  'extra-key': {
    rule: 'a key not in en.json, nor a plural form of an English key',
    expected: [
      ['fr.json  delivery.gift  error', 'extra key'],
      ['fr.json  delivery.days  error', 'extra key'],
    ],
    exitCode: 1,
  },
  'plural-missing': {
    rule: 'a plural form French needs and English lacks',
    expected: [
      [
        'fr.json  delivery.days_many  error',
        'missing plural form "many" (1000000 needs _many in fr): add "delivery.days_many"',
      ],
    ],
    exitCode: 1,
  },
  'plural-unused': {
    rule: 'a plural form Spanish never uses',
    expected: [['es.json  delivery.days_few  error', '_few is never used in es']],
    exitCode: 1,
  },
  'plural-new-language': {
    rule: 'a new language, checked with its own plural rules',
    expected: [
      ['de.json  delivery.days_many  error', '_many is never used in de (its plural forms: _one _other): remove it'],
    ],
    exitCode: 1,
  },
  interpolation: {
    rule: 'variables that differ from English (format and spaces ignored)',
    expected: [
      ['fr.json  delivery.price  error', 'missing {{price}}'],
      ['fr.json  delivery.price  error', 'unknown {{prix}}'],
      ['fr.json  delivery.days_many  error', 'missing {{count}}'],
      ['fr.json  delivery.days_many  error', 'unknown {{n}}'],
    ],
    exitCode: 1,
  },
  'empty-value': {
    rule: 'empty or blank values',
    expected: [
      ['fr.json  common.loading  error', 'empty value'],
      ['fr.json  delivery.free  error', 'empty value'],
    ],
    exitCode: 1,
  },
  markup: {
    rule: 'HTML tags, entities, $t( nesting and {{- values',
    expected: [
      ['fr.json  common.loading  error', 'nested key "$t("'],
      ['fr.json  common.policyLink  error', 'HTML entity "&amp;"'],
      ['fr.json  delivery.free  error', 'HTML tag "<b>"'],
      ['fr.json  delivery.price  error', 'write {{price}} without the "-"'],
    ],
    exitCode: 1,
  },
  'direction-unclosed': {
    rule: 'a direction control left open (the same rule addStrings applies: src/core/locale-rules.js)',
    expected: [
      ['fr.json  delivery.window  error', 'direction control (U+2067) is never closed'],
      ['fr.json  delivery.price  error', 'direction control (U+202E) is never closed'],
    ],
    exitCode: 1,
  },
  'identical-to-english': {
    rule: 'a value left in English (a warning only; "{{from}} – {{to}}" has no letters and is not one)',
    expected: [['fr.json  common.policyLink  warning', 'same text as English "Read our full policy"']],
    exitCode: 0,
  },
  'identical-allowed': {
    rule: 'a value left in English on purpose, listed in .i18n-check-allow.json',
    expected: [],
    exitCode: 0,
  },
  'invalid-json': {
    rule: 'a file that is not valid JSON, with the place of the mistake',
    expected: [['fr.json  -  error', 'not valid JSON at line 8, column 33']],
    exitCode: 1,
  },
  'not-an-object': {
    rule: 'a file whose top level is not an object',
    expected: [['fr.json  -  error', 'the top level is a list']],
    exitCode: 1,
  },
  'wrong-value-type': {
    rule: 'values that are neither a string nor an object (not reported again as missing)',
    expected: [
      ['fr.json  common.policyLink  error', 'the value is null'],
      ['fr.json  delivery.free  error', 'the value is a number'],
      ['fr.json  delivery.days_many  error', 'the value is a list'],
    ],
    exitCode: 1,
  },
  'french-typography': {
    rule: 'French spaces and quotes ({{…}} and URLs left out)',
    expected: [
      ['fr.json  common.loading  error', 'straight quotes'],
      ['fr.json  common.policyLink  error', 'plain space after "«"'],
      ['fr.json  common.policyLink  error', 'plain space before "»"'],
      ['fr.json  delivery.free  error', 'no space before "!"'],
      ['fr.json  delivery.price  error', 'plain space before ":"'],
    ],
    exitCode: 1,
  },
  'french-typography-region': {
    rule: 'French typography in a regional French file',
    expected: [['fr-CA.json  delivery.free  error', 'plain space before "!"']],
    exitCode: 1,
  },
  'bad-file-name': {
    rule: 'a file name that is not a language code',
    expected: [['fr_FR.json  -  error', 'not a language code']],
    exitCode: 1,
  },
  'no-reference': {
    rule: 'a folder without en.json',
    expected: [['en.json  -  error', 'not found']],
    exitCode: 1,
  },
  'context-missing-entry': {
    rule: 'CONTEXT.md without an entry for a key, nor for a plural family (naming one of its forms is not enough)',
    expected: [
      ['CONTEXT.md  delivery.price  error', 'add a `delivery.price` entry to CONTEXT.md'],
      [
        'CONTEXT.md  delivery.days  error',
        'the plural family delivery.days (en.json: delivery.days_one delivery.days_other) is not documented for translators: add a `delivery.days` entry to CONTEXT.md',
      ],
    ],
    exitCode: 1,
  },
  'context-stale': {
    rule: 'CONTEXT.md documenting keys en.json no longer has (a warning only), in a table or in a heading',
    expected: [
      ['CONTEXT.md  delivery.gift  warning', 'documented at line 47, but en.json has no such key (stale)'],
      ['CONTEXT.md  shipping.express  warning', 'documented at line 51, but en.json has no such key (stale)'],
    ],
    exitCode: 0,
  },
};

describe('i18n-check on broken locales', () => {
  for (const [caseName, { rule, expected, exitCode }] of Object.entries(brokenCases)) {
    const dir = `tests/fixtures/locales-broken/${caseName}`;

    it(`${caseName}: ${rule}`, () => {
      const { problems } = checkLocales(fromRoot(dir));
      expect(problems.map((p) => `${p.file}  ${p.key}  ${p.level}`)).toEqual(expected.map(([place]) => place));
      problems.forEach((problem, i) => expect(problem.message).toContain(expected[i]![1]));

      const cli = runCli(dir);
      expect(cli.status).toBe(exitCode);
      expect(cli.problemLines.map((line) => line.split('  ').slice(0, 3).join('  '))).toEqual(
        expected.map(([place]) => place),
      );
      const errors = expected.filter(([place]) => place.endsWith('error')).length;
      expect(cli.summary).toMatch(
        new RegExp(`^i18n-check: \\d+ files?, ${errors} errors?, ${expected.length - errors} warnings?$`),
      );
    });
  }
});

describe('i18n-check on correct locales', () => {
  it('tests/fixtures/locales-ok passes with exit code 0', () => {
    expect(checkLocales(fromRoot('tests/fixtures/locales-ok')).problems).toEqual([]);
    const cli = runCli('tests/fixtures/locales-ok');
    expect(cli.status).toBe(0);
    expect(cli.problemLines).toEqual([]);
    expect(cli.summary).toBe('i18n-check: 4 files, 0 errors, 0 warnings');
  });

  it('a new language, de.json with the German plural forms one/other, passes without touching the script', () => {
    const german = JSON.parse(readFileSync(fromRoot('tests/fixtures/locales-ok/de.json'), 'utf8'));
    expect(Object.keys(german.delivery).filter((key) => key.startsWith('days_'))).toEqual(['days_one', 'days_other']);
    const { files, problems } = checkLocales(fromRoot('tests/fixtures/locales-ok'));
    expect(files).toContain('de.json');
    expect(problems.filter((p) => p.file === 'de.json')).toEqual([]);
  });

  it('the real locales/ have no error, CONTEXT.md included', () => {
    expect(existsSync(fromRoot('locales/CONTEXT.md'))).toBe(true);
    const { problems } = checkLocales(fromRoot('locales'));
    expect(problems.filter((p) => p.level === 'error')).toEqual([]);
    const cli = runCli('locales');
    expect(cli.status).toBe(0);
    expect(cli.summary).toMatch(/^i18n-check: \d+ files, 0 errors, \d+ warnings?$/);
  });
});

describe("i18n-check on the translators' context, CONTEXT.md", () => {
  it('a complete CONTEXT.md passes: one entry per plural family, in headings or tables; files, variables and code spans are not keys', () => {
    const dir = 'tests/fixtures/locales-context-ok';
    expect(existsSync(fromRoot(`${dir}/CONTEXT.md`))).toBe(true);
    expect(checkLocales(fromRoot(dir)).problems).toEqual([]);
    const cli = runCli(dir);
    expect(cli.status).toBe(0);
    expect(cli.problemLines).toEqual([]);
    expect(cli.summary).toBe('i18n-check: 2 files, 0 errors, 0 warnings');
  });

  it('is checked only when the folder has a CONTEXT.md', () => {
    expect(existsSync(fromRoot('tests/fixtures/locales-ok/CONTEXT.md'))).toBe(false);
    // Its en.json has keys that a CONTEXT.md would have to document, were there one.
    const { problems } = checkLocales(fromRoot('tests/fixtures/locales-ok'));
    expect(problems.filter((p) => p.file === 'CONTEXT.md')).toEqual([]);
  });

  it('report lines have the documented form: CONTEXT.md  key  level  message', () => {
    const lines = [
      ...runCli('tests/fixtures/locales-broken/context-missing-entry').problemLines,
      ...runCli('tests/fixtures/locales-broken/context-stale').problemLines,
    ];
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).toMatch(/^CONTEXT\.md {2}[\w.-]+ {2}(error|warning) {2}\S.*: \S/);
  });

  it('locales/CONTEXT.md documents every key family of en.json, in backticks, with no stale entry', () => {
    type Texts = { [key: string]: string | Texts };
    const english = JSON.parse(readFileSync(fromRoot('locales/en.json'), 'utf8')) as Texts;
    const context = readFileSync(fromRoot('locales/CONTEXT.md'), 'utf8');
    // English plural families have _one and _other; groups nest (nonRefundable.reasons.other).
    const family = (texts: Texts, key: string) => {
      const base = key.replace(/_(one|other)$/, '');
      return base !== key && `${base}_one` in texts && `${base}_other` in texts ? base : key;
    };
    const familiesOf = (texts: Texts, prefix: string): string[] =>
      Object.entries(texts).flatMap(([key, value]) =>
        typeof value === 'string' ? [`${prefix}${family(texts, key)}`] : familiesOf(value, `${prefix}${key}.`),
      );
    const families = new Set(familiesOf(english, ''));
    expect(families).toContain('delivery.days');
    expect(families).toContain('delivery.daysSameDay');
    expect(families).toContain('nonRefundable.reasons.other');
    for (const family of families) expect(context, family).toContain(`\`${family}\``);
    expect(checkLocales(fromRoot('locales')).problems.filter((p) => p.file === 'CONTEXT.md')).toEqual([]);
  });
});

// Each test starts two or three Node processes: seconds on a busy machine, not a speed test.
describe('i18n-check command line', { timeout: 30_000 }, () => {
  it('checks locales/ by default, and takes --dir too', () => {
    expect(runCli().summary).toBe(runCli('locales').summary);
    expect(runCli('--dir', 'tests/fixtures/locales-broken/missing-key').problemLines).toEqual(
      runCli('tests/fixtures/locales-broken/missing-key').problemLines,
    );
  });

  it('every report line has the documented form: file  key  level  message', () => {
    const { problemLines } = runCli('tests/fixtures/locales-broken/french-typography');
    expect(problemLines.length).toBeGreaterThan(0);
    for (const line of problemLines) expect(line).toMatch(/^\S+\.json {2}\S+ {2}(error|warning) {2}\S.*: \S/);
  });

  it('refuses an unknown option with exit code 2', () => {
    const cli = runCli('--verbose');
    expect(cli.status).toBe(2);
    expect(cli.stderr).toContain('usage:');
  });
});
