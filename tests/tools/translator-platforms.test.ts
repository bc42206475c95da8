/**
 * The locale files survive the tools translators use on them:
 *
 * - Weblate loads and saves i18next files through translate-toolkit's i18next v4 format
 *   (Debian's python3-translate): a key that only looks like a plural form (x_zero, a lone
 *   reason_other) is dropped or padded with empty forms on the first save;
 * - i18next-cli (i18next.config.ts): `status` must count every key, and `extract` must not delete
 *   the keys the elements build at run time.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const fromRoot = (path: string) => join(projectRoot, path);
const LANGUAGES = ['en', 'fr', 'es'] as const;

type Texts = { [key: string]: string | Texts };
/** Every text of a locale file, by its dotted key, in the file's order. */
function flatten(texts: Texts, prefix = ''): [string, string][] {
  return Object.entries(texts).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );
}
const textsOf = (json: string) => Object.fromEntries(flatten(JSON.parse(json) as Texts));
const localeFile = (dir: string, lang: string) => readFileSync(join(dir, `${lang}.json`), 'utf8');

const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function scratchDir() {
  const dir = mkdtempSync(join(tmpdir(), 'translator-platforms-'));
  scratch.push(dir);
  return dir;
}

// ---------------------------------------------------------------------------------------------
// translate-toolkit (Weblate)

/** Debian's python3-translate serves /usr/bin/python3, which may not be the first python3 on PATH. */
function findToolkitPython(): string | undefined {
  const candidates = [process.env.PYTHON, 'python3', '/usr/bin/python3'].filter((c): c is string => !!c);
  return candidates.find(
    (python) =>
      spawnSync(python, ['-c', 'from translate.storage.jsonl10n import I18NextV4File'], { encoding: 'utf8' }).status ===
      0,
  );
}
const toolkitPython = findToolkitPython();

/** Loads each file as Weblate does (i18next v4, the file's language set) and saves it again. */
const ROUND_TRIP = `
import json, sys
from translate.storage.jsonl10n import I18NextV4File
out = {}
for lang, path in json.loads(sys.argv[1]).items():
    store = I18NextV4File()
    store.settargetlanguage(lang)
    with open(path, 'rb') as f:
        store.parse(f.read())
    out[lang] = bytes(store).decode('utf-8')
print(json.dumps(out))
`;

function toolkitRoundTrip(files: Record<string, string>): Record<string, string> {
  if (!toolkitPython)
    throw new Error(
      "translate-toolkit is missing: install Debian's python3-translate (apt-get install python3-translate), " +
        'or set PYTHON to a Python that can import translate.storage.jsonl10n',
    );
  const result = spawnSync(toolkitPython, ['-c', ROUND_TRIP, JSON.stringify(files)], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`translate-toolkit failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, string>;
}

describe('translate-toolkit i18next v4 (Weblate)', { timeout: 30_000 }, () => {
  it('loads and saves en, fr and es with every key and text as they were, and none added', () => {
    const saved = toolkitRoundTrip(
      Object.fromEntries(LANGUAGES.map((lang) => [lang, fromRoot(`locales/${lang}.json`)])),
    );
    for (const lang of LANGUAGES) {
      const before = textsOf(localeFile(fromRoot('locales'), lang));
      const after = textsOf(saved[lang]!);
      expect(
        Object.keys(before).filter((key) => !(key in after)),
        `${lang}.json: keys lost`,
      ).toEqual([]);
      expect(
        Object.keys(after).filter((key) => !(key in before)),
        `${lang}.json: keys added`,
      ).toEqual([]);
      expect(after, `${lang}.json`).toEqual(before);
    }
  });

  it('would notice a key that only looks like a plural form (the check itself)', () => {
    const dir = scratchDir();
    const sample = {
      delivery: { days_one: '{{count}} day', days_other: '{{count}} days', daysExact_zero: 'Same day' },
      reasons: { hygiene: 'Hygiene', reason_other: 'Other' },
    };
    writeFileSync(join(dir, 'fr.json'), JSON.stringify(sample));
    const after = textsOf(toolkitRoundTrip({ fr: join(dir, 'fr.json') }).fr!);
    expect(after).not.toHaveProperty(['delivery.daysExact_zero']);
    expect(after).toHaveProperty(['reasons.reason_one'], '');
    // A real family keeps its forms, and gets the one French has that the sample lacked.
    expect(after).toMatchObject({ 'delivery.days_one': '{{count}} day', 'delivery.days_other': '{{count}} days' });
  });
});

// ---------------------------------------------------------------------------------------------
// i18next-cli

const I18NEXT_CLI = fromRoot('node_modules/i18next-cli/dist/esm/cli.js');

function i18nextCli(cwd: string, ...args: string[]) {
  // stdin closed: without a config, the CLI would otherwise wait for an answer to its setup wizard.
  const result = spawnSync(process.execPath, [I18NEXT_CLI, ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** A copy of what i18next-cli reads (the code, the locale files, its config), to run it on. */
function projectCopy() {
  const dir = scratchDir();
  for (const path of ['src', 'locales', 'i18next.config.ts'])
    cpSync(fromRoot(path), join(dir, path), { recursive: true });
  symlinkSync(fromRoot('node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** "- fr: [■■■□] 100% (104/104 keys)" → { fr: { percent: 100, done: 104, total: 104 } } */
function statusLines(output: string) {
  const lines = [...output.matchAll(/^- ([\w-]+): \S+ (\d+)% \((\d+)\/(\d+) keys\)$/gm)];
  return Object.fromEntries(
    lines.map(([, lang, percent, done, total]) => [
      lang,
      { percent: Number(percent), done: Number(done), total: Number(total) },
    ]),
  );
}

const englishKeys = Object.keys(textsOf(localeFile(fromRoot('locales'), 'en')));

describe('i18next-cli with i18next.config.ts', { timeout: 60_000 }, () => {
  it('status: fr and es are at 100 %, of every English key', () => {
    const { status, output } = i18nextCli(projectRoot, 'status');
    expect(status, output).toBe(0);
    const total = englishKeys.length;
    expect(statusLines(output), output).toEqual({
      fr: { percent: 100, done: total, total },
      es: { percent: 100, done: total, total },
    });
  });

  it('status: a text missing from fr, even one built at run time, counts as untranslated', () => {
    const dir = projectCopy();
    const fr = JSON.parse(localeFile(join(dir, 'locales'), 'fr')) as { nonRefundable: { reasons: Texts } };
    delete fr.nonRefundable.reasons.other;
    writeFileSync(join(dir, 'locales/fr.json'), `${JSON.stringify(fr, null, 2)}\n`);
    const { output } = i18nextCli(dir, 'status', 'fr');
    expect(output).toMatch(/✗ nonRefundable\.reasons\.other$/m);
    expect(output).toContain(`(${englishKeys.length - 1}/${englishKeys.length})`);
  });

  it('extract keeps every key and text of en, fr and es, and adds none', () => {
    const dir = projectCopy();
    const { status, output } = i18nextCli(dir, 'extract');
    expect(status, output).toBe(0);
    for (const lang of LANGUAGES) {
      const before = textsOf(localeFile(fromRoot('locales'), lang));
      const after = textsOf(localeFile(join(dir, 'locales'), lang));
      expect(
        Object.keys(before).filter((key) => !(key in after)),
        `${lang}.json: keys deleted by extract`,
      ).toEqual([]);
      expect(
        Object.keys(after).filter((key) => !(key in before)),
        `${lang}.json: keys added by extract`,
      ).toEqual([]);
      expect(after, `${lang}.json`).toEqual(before);
    }
  });
});
