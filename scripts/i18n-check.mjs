#!/usr/bin/env node
/**
 * The translators' checker: compares every locale file with en.json, the reference.
 *
 *   node scripts/i18n-check.mjs [dir]        (or --dir <dir>; default: locales/)
 *
 * Output: one line per problem, fields separated by two spaces, then one summary line:
 *
 *   <file>  <key>  <level>  <message: what is wrong, then ": " and the fix>
 *   ...
 *   i18n-check: <n> files, <e> errors, <w> warnings      ("1 error", "1 warning" when one)
 *
 *   <file>   the file name, e.g. fr.json (its language is the name without .json: pt-BR.json is pt-BR),
 *            or CONTEXT.md for the translators' context
 *   <key>    the dotted key, e.g. delivery.days_many (in CONTEXT.md, a family: delivery.days),
 *            or "-" for a problem with the whole file
 *   <level>  "error" or "warning"
 *
 * Exit code: 1 when there is at least one error (warnings alone: 0), 2 for a wrong command line.
 * `grep '  error  '` lists the errors only.
 *
 * What is checked:
 *   - every file: valid JSON, an object at the top, every value a string or an object of them,
 *     no empty value, no markup (HTML tags, entities, $t( nesting, {{- unescaped values):
 *     the elements render text, never HTML; no direction control left open (it would turn the
 *     words after it around). These rules are src/core/locale-rules.js, which the elements'
 *     addStrings applies too;
 *   - plural families (English has x_other and another x_<category>; also x_ordinal_<category>):
 *     each file has exactly the categories Intl.PluralRules gives for its language, so a new de.json
 *     is checked with German rules. x_zero is always allowed: i18next looks it up when count is 0
 *     in every language; when English has it, every locale must have it too;
 *   - every locale but English: missing and extra keys, the set of {{variables}} of each value
 *     (a plural form against the union of the English family; _zero may leave out {{count}}),
 *     values identical to English (warning; skipped with no letters, or when "lang:key" is listed
 *     in <dir>/.i18n-check-allow.json, a JSON array);
 *   - fr and fr-*: no-break space (U+00A0 or narrow U+202F) before : ; ! ? » and after «,
 *     « » instead of straight double quotes; {{...}}, URLs and times like 14:30 are left out,
 *     and "?!" takes one space before the pair;
 *   - <dir>/CONTEXT.md, the translators' context, only when the folder has one: every key family
 *     of en.json (a plural family such as delivery.days is one entry, for all its forms) must be
 *     documented there as a backticked `key` (an error in "CONTEXT.md  <key>" when it is not), and a
 *     documented key en.json no longer has is a warning (stale). A backticked span counts as a key
 *     when it is dotted (`delivery.window`) and either starts with a group of en.json (common,
 *     delivery...) or stands in a heading, so `fr.json` or `{{count, number}}` in the prose are not
 *     keys. A plural form (`delivery.days_many`) is a known key, but does not document its family.
 *
 * Also a module: `checkLocales(dir)` returns { files, problems: [{ file, key, level, message }] }.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HTML_ENTITY, HTML_TAG, sentenceFaults, variableDiff } from '../src/core/locale-rules.js';

const REFERENCE_FILE = 'en.json';
const ALLOW_LIST_FILE = '.i18n-check-allow.json';
const CONTEXT_FILE = 'CONTEXT.md';
/** i18next's order, so that messages list categories the way translators see them. */
const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];
const PLURAL_KEY = new RegExp(`^(.+?)_(ordinal_)?(${PLURAL_CATEGORIES.join('|')})$`);
const NO_BREAK_SPACES = ['\u00A0', '\u202F'];
const NO_BREAK_SPACE_FIX = 'a no-break space (U+00A0) or a narrow no-break space (U+202F)';

/**
 * Checks every *.json in `dir` against `dir`/en.json.
 * @param {string} dir
 * @returns {{ files: string[], problems: { file: string, key: string, level: 'error' | 'warning', message: string }[] }}
 */
export function checkLocales(dir = 'locales') {
  const problems = [];
  const report = (file, key, level, message) => problems.push({ file, key, level, message });

  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    report(String(dir), '-', 'error', 'no such directory: give the folder that holds en.json, fr.json...');
    return { files: [], problems };
  }
  // Dot files are the checker's own settings (the allow-list), not locales.
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json') && !name.startsWith('.'))
    .sort();

  const localeByFile = new Map();
  for (const file of files) {
    const locale = readLocale(join(dir, file), file, report);
    if (locale) localeByFile.set(file, locale);
  }
  const allowed = readAllowList(dir, report);

  const english = localeByFile.get(REFERENCE_FILE)?.values;
  if (!files.includes(REFERENCE_FILE)) {
    report(
      REFERENCE_FILE,
      '-',
      'error',
      `not found in ${dir}: the English reference is needed to check the other files`,
    );
  }

  for (const [file, { values, wrongTypeKeys }] of localeByFile) {
    const lang = file.slice(0, -'.json'.length);
    const pluralRules = pluralRulesFor(lang, file, report);
    checkValues(file, lang, values, report);
    if (english) {
      checkPlurals(file, lang, values, wrongTypeKeys, english, pluralRules, report);
      if (file !== REFERENCE_FILE)
        checkAgainstEnglish(file, lang, values, wrongTypeKeys, english, pluralRules, allowed, report);
    }
  }
  if (english && existsSync(join(dir, CONTEXT_FILE))) checkContext(join(dir, CONTEXT_FILE), english, report);
  return { files, problems: sortByFile(problems) };
}

/** One line of the report. */
export function formatProblem({ file, key, level, message }) {
  return `${file}  ${key}  ${level}  ${message}`;
}

function sortByFile(problems) {
  // Stable sort: within a file, problems stay in the order they were found.
  return problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------
// Reading

/**
 * Parses a locale file into its texts (dotted key → string) and the keys whose value has the
 * wrong type (already reported: not to be reported again as missing), or undefined when unusable.
 */
function readLocale(path, file, report) {
  const text = readFileSync(path, 'utf8');
  if (text.startsWith('\uFEFF')) {
    report(file, '-', 'error', 'the file starts with a byte-order mark (BOM): save it as UTF-8 without BOM');
    return undefined;
  }
  let data;
  try {
    data = JSON.parse(text);
  } catch (error) {
    report(
      file,
      '-',
      'error',
      `not valid JSON${jsonErrorPlace(error.message, text)}: ${error.message}; fix the syntax (a missing comma or quote, a trailing comma...)`,
    );
    return undefined;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    report(
      file,
      '-',
      'error',
      `the top level is ${describeType(data)}: it must be an object of keys, { "common": { ... } }`,
    );
    return undefined;
  }
  const locale = { values: new Map(), wrongTypeKeys: new Set() };
  flatten(data, '', locale, file, report);
  return locale;
}

function flatten(object, prefix, locale, file, report) {
  for (const [name, value] of Object.entries(object)) {
    const key = prefix + name;
    if (typeof value === 'string') locale.values.set(key, value);
    else if (value !== null && typeof value === 'object' && !Array.isArray(value))
      flatten(value, `${key}.`, locale, file, report);
    else {
      locale.wrongTypeKeys.add(key);
      report(
        file,
        key,
        'error',
        `the value is ${describeType(value)}: it must be a text in quotes (or a group of keys)`,
      );
    }
  }
}

function describeType(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

/** " at line 3, column 7" from the "at position N" of V8's message, when there is one. */
function jsonErrorPlace(message, text) {
  const position = /at position (\d+)/.exec(message);
  if (!position) return '';
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return ` at line ${line}, column ${column}`;
}

/** The "lang:key" pairs whose value may stay identical to English. */
function readAllowList(dir, report) {
  const path = join(dir, ALLOW_LIST_FILE);
  if (!existsSync(path)) return new Set();
  try {
    const list = JSON.parse(readFileSync(path, 'utf8'));
    if (Array.isArray(list) && list.every((entry) => typeof entry === 'string')) return new Set(list);
  } catch {
    // Reported below, like a list of the wrong shape.
  }
  report(ALLOW_LIST_FILE, '-', 'error', 'not a JSON list of texts: write it as ["fr:common.ok", "es:delivery.free"]');
  return new Set();
}

// ---------------------------------------------------------------------------------------------
// Checks on every file

function checkValues(file, lang, texts, report) {
  for (const [key, value] of texts) {
    if (value.trim() === '') {
      report(file, key, 'error', 'empty value: write the text, or remove the key');
      continue;
    }
    for (const fault of sentenceFaults(value)) report(file, key, 'error', fault);
    if (lang === 'fr' || lang.startsWith('fr-')) checkFrenchTypography(file, key, value, report);
  }
}

// ---------------------------------------------------------------------------------------------
// Plurals

/** The cardinal and ordinal plural categories of `lang`, or undefined when Intl doesn't know it. */
function pluralRulesFor(lang, file, report) {
  let supported;
  try {
    supported = Intl.PluralRules.supportedLocalesOf(lang);
  } catch {
    report(file, '-', 'error', `"${lang}" is not a language code: name the file like fr.json or pt-BR.json`);
    return undefined;
  }
  if (supported.length === 0) {
    report(
      file,
      '-',
      'warning',
      `no plural rules known for "${lang}": check the file name (fr.json, pt-BR.json); plural forms not checked`,
    );
    return undefined;
  }
  const rules = {};
  for (const type of ['cardinal', 'ordinal']) {
    const pluralRules = new Intl.PluralRules(lang, { type });
    const categories = PLURAL_CATEGORIES.filter((category) =>
      pluralRules.resolvedOptions().pluralCategories.includes(category),
    );
    rules[type] = { select: (n) => pluralRules.select(n), categories };
  }
  return rules;
}

/**
 * English plural families: [{ base key, type (cardinal or ordinal), categories English has }].
 * A base counts as a family when English has base_other and another plural form of it, so a
 * lone "x_other" stays an ordinary key (en.json has none: translation platforms would read it as
 * a plural form, see locales/README.md).
 */
function englishPluralFamilies(english) {
  const forms = new Map();
  for (const key of english.keys()) {
    const match = PLURAL_KEY.exec(key);
    if (!match) continue;
    const [, base, ordinal, category] = match;
    const familyKey = `${base}_${ordinal ?? ''}`;
    if (!forms.has(familyKey))
      forms.set(familyKey, { base, type: ordinal ? 'ordinal' : 'cardinal', categories: new Set() });
    forms.get(familyKey).categories.add(category);
  }
  return [...forms.values()].filter((family) => family.categories.has('other') && family.categories.size > 1);
}

function pluralKey(family, category) {
  return `${family.base}_${family.type === 'ordinal' ? 'ordinal_' : ''}${category}`;
}

/** A number that falls in `category`: the example translators need to see why the form matters. */
function exampleNumber(select, category) {
  const candidates = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 21, 22, 23, 101, 0, 1000000, 0.5, 1.5];
  return candidates.find((n) => select(n) === category);
}

/** Every key of an English plural family, with its family: these are not checked as ordinary keys. */
function pluralFamilyIndex(english) {
  const index = new Map();
  for (const family of englishPluralFamilies(english)) {
    for (const category of PLURAL_CATEGORIES) index.set(pluralKey(family, category), { family, category });
  }
  return index;
}

function checkPlurals(file, lang, texts, wrongTypeKeys, english, pluralRules, report) {
  if (!pluralRules) return;
  for (const family of englishPluralFamilies(english)) {
    const { categories: used, select } = pluralRules[family.type];
    const kind = family.type === 'ordinal' ? 'ordinal plural form' : 'plural form';
    for (const category of PLURAL_CATEGORIES) {
      const key = pluralKey(family, category);
      const present = texts.has(key) || wrongTypeKeys.has(key);
      // _zero is i18next's own form for count 0, in every language.
      const required = used.includes(category) || (category === 'zero' && family.categories.has('zero'));
      const allowed = used.includes(category) || category === 'zero';
      if (required && !present) {
        const example = exampleNumber(select, category);
        const why = !used.includes(category)
          ? 'English has a text for 0'
          : example === undefined
            ? `${lang} uses _${category}`
            : `${example} needs _${category} in ${lang}`;
        report(file, key, 'error', `missing ${kind} "${category}" (${why}): add "${key}"`);
      } else if (present && !allowed) {
        report(
          file,
          key,
          'error',
          `_${category} is never used in ${lang} (its ${kind}s: ${used.map((c) => `_${c}`).join(' ')}): remove it`,
        );
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Checks against English

function checkAgainstEnglish(file, lang, texts, wrongTypeKeys, english, pluralRules, allowed, report) {
  const pluralIndex = pluralFamilyIndex(english);

  // Plural forms are checked by family in checkPlurals: a locale may need forms English lacks.
  for (const key of english.keys()) {
    if (!pluralIndex.has(key) && !texts.has(key) && !wrongTypeKeys.has(key))
      report(file, key, 'error', `missing key: add "${key}" (English: ${quote(english.get(key))})`);
  }
  for (const key of texts.keys()) {
    if (!english.has(key) && !pluralIndex.has(key))
      report(file, key, 'error', 'extra key, not in en.json: remove it, or check its spelling');
  }

  for (const [key, value] of texts) {
    const plural = pluralIndex.get(key);
    // A form the language never uses is already reported "remove it": nothing more to say.
    if (
      plural &&
      plural.category !== 'zero' &&
      pluralRules &&
      !pluralRules[plural.family.type].categories.includes(plural.category)
    )
      continue;
    const englishValues = plural ? familyValues(plural.family, english) : english.has(key) ? [english.get(key)] : [];
    if (englishValues.length === 0 || value.trim() === '') continue;

    const { expected, missing, unknown } = variableDiff(value, englishValues, { zero: plural?.category === 'zero' });
    if (missing.length)
      report(file, key, 'error', `missing ${listVariables(missing)}, used in English: add it to the text`);
    if (unknown.length)
      report(
        file,
        key,
        'error',
        `unknown ${listVariables(unknown)}, not in English: use ${expected.length ? listVariables(expected) : 'no variable'}; spell it exactly as in English`,
      );

    const englishValue = english.get(key);
    if (englishValue !== undefined && value === englishValue && hasLetters(value) && !allowed.has(`${lang}:${key}`)) {
      report(
        file,
        key,
        'warning',
        `same text as English ${quote(value)}: translate it, or list "${lang}:${key}" in ${ALLOW_LIST_FILE} if it is right`,
      );
    }
  }
}

function familyValues(family, english) {
  return PLURAL_CATEGORIES.map((category) => english.get(pluralKey(family, category))).filter(
    (value) => value !== undefined,
  );
}

function listVariables(names) {
  return names.map((name) => `{{${name}}}`).join(' ');
}

function hasLetters(value) {
  return /\p{L}/u.test(value.replace(/\{\{.*?\}\}/g, ''));
}

function quote(value) {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
}

// ---------------------------------------------------------------------------------------------
// The translators' context, CONTEXT.md

/**
 * The entries translators need, in en.json's order: a plural family once, by its base key
 * (delivery.days for delivery.days_one and delivery.days_other), every other key as itself.
 */
function englishKeyFamilies(english) {
  const pluralIndex = pluralFamilyIndex(english);
  const families = [];
  for (const key of english.keys()) {
    const family = pluralIndex.get(key)?.family.base ?? key;
    if (!families.includes(family)) families.push(family);
  }
  return families;
}

const DOTTED_KEY = /^[A-Za-z][\w-]*(?:\.[\w-]+)+$/;

/**
 * The keys CONTEXT.md documents, each with the line it is first documented on: backticked,
 * dotted spans that start with a group of en.json, or that stand in a heading (so that an
 * entry whose whole group is gone is still found). Fenced code blocks are skipped.
 */
function documentedKeys(markdown, groups) {
  const keys = new Map();
  let fence;
  markdown.split(/\r?\n/).forEach((line, index) => {
    const fenceMark = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fenceMark && (!fence || fenceMark.startsWith(fence))) {
      fence = fence ? undefined : fenceMark;
      return;
    }
    if (fence) return;
    const heading = /^\s{0,3}#{1,6}\s/.test(line);
    for (const [, span] of line.matchAll(/(?<!`)`([^`\n]+)`(?!`)/g)) {
      const key = span.trim();
      if (!DOTTED_KEY.test(key)) continue;
      if (!heading && !groups.has(key.split('.')[0])) continue;
      if (!keys.has(key)) keys.set(key, index + 1);
    }
  });
  return keys;
}

function checkContext(path, english, report) {
  const markdown = readFileSync(path, 'utf8');
  const groups = new Set([...english.keys()].map((key) => key.split('.')[0]));
  const documented = documentedKeys(markdown, groups);
  const pluralIndex = pluralFamilyIndex(english);

  for (const family of englishKeyFamilies(english)) {
    if (documented.has(family)) continue;
    const forms = PLURAL_CATEGORIES.map((category) => `${family}_${category}`).filter((key) => english.has(key));
    const what = forms.length ? `the plural family ${family} (en.json: ${forms.join(' ')})` : 'this key of en.json';
    report(
      CONTEXT_FILE,
      family,
      'error',
      `${what} is not documented for translators: add a \`${family}\` entry to ${CONTEXT_FILE} (where and when the shopper sees it, each variable with an example, the English as shown)`,
    );
  }

  const families = new Set(englishKeyFamilies(english));
  for (const [key, line] of documented) {
    if (english.has(key) || families.has(key) || pluralIndex.has(key)) continue;
    report(
      CONTEXT_FILE,
      key,
      'warning',
      `documented at line ${line}, but en.json has no such key (stale): remove the entry, or rename it to the key that replaced it`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// French typography

const PLACEHOLDER = '\uE000';

/**
 * The text with {{...}}, URLs and markup (reported apart) blanked out, keeping positions so
 * snippets quote the original.
 */
function maskForTypography(value) {
  const blank = (match) => PLACEHOLDER.repeat(match.length);
  return value
    .replace(/\{\{.*?\}\}/g, blank)
    .replace(HTML_TAG, blank)
    .replace(HTML_ENTITY, blank)
    .replace(/\b(?:[a-z][a-z0-9+.-]*:\/\/|mailto:|tel:)[^\s«»"]+/gi, blank);
}

function checkFrenchTypography(file, key, value, report) {
  const text = maskForTypography(value);
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (':;!?»'.includes(char) && i > 0) {
      const before = text[i - 1];
      if (NO_BREAK_SPACES.includes(before)) continue;
      // "?!" takes one space before the pair; 14:30 is a time, not a colon in a sentence.
      if ('!?'.includes(char) && '!?'.includes(before)) continue;
      if (char === ':' && /\d/.test(before) && /\d/.test(text[i + 1] ?? '')) continue;
      const problem = /\s/.test(before) ? `plain space before "${char}"` : `no space before "${char}"`;
      const fix = /\s/.test(before) ? `replace it with ${NO_BREAK_SPACE_FIX}` : `add ${NO_BREAK_SPACE_FIX}`;
      report(file, key, 'error', `${problem} in ${snippet(value, i)}: ${fix}`);
    } else if (char === '«' && i + 1 < text.length) {
      const after = text[i + 1];
      if (NO_BREAK_SPACES.includes(after)) continue;
      const problem = /\s/.test(after) ? 'plain space after "«"' : 'no space after "«"';
      const fix = /\s/.test(after) ? `replace it with ${NO_BREAK_SPACE_FIX}` : `add ${NO_BREAK_SPACE_FIX}`;
      report(file, key, 'error', `${problem} in ${snippet(value, i)}: ${fix}`);
    }
  }
  const straightQuote = text.indexOf('"');
  if (straightQuote !== -1) {
    report(
      file,
      key,
      'error',
      `straight quotes in ${snippet(value, straightQuote)}: use French quotes « » (with no-break spaces inside)`,
    );
  }
}

/** A few characters around `index`, quoted as in the JSON file, so the translator finds the place. */
function snippet(value, index) {
  const start = Math.max(0, index - 15);
  const end = Math.min(value.length, index + 10);
  return JSON.stringify(`${start > 0 ? '…' : ''}${value.slice(start, end)}${end < value.length ? '…' : ''}`);
}

// ---------------------------------------------------------------------------------------------
// Command line

const USAGE = 'usage: node scripts/i18n-check.mjs [dir | --dir dir]   (default: locales/)';

function parseArguments(args) {
  const dirs = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg === '--dir') {
      if (args[i + 1] === undefined) return { error: '--dir needs a folder' };
      dirs.push(args[++i]);
    } else if (arg.startsWith('--dir=')) dirs.push(arg.slice('--dir='.length));
    else if (arg.startsWith('-')) return { error: `unknown option ${arg}` };
    else dirs.push(arg);
  }
  if (dirs.length > 1) return { error: 'give one folder only' };
  return { dir: dirs[0] ?? 'locales' };
}

function count(n, noun) {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function main(args) {
  const options = parseArguments(args);
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  if (options.error) {
    console.error(`i18n-check: ${options.error}\n${USAGE}`);
    return 2;
  }
  const { files, problems } = checkLocales(options.dir);
  for (const problem of problems) console.log(formatProblem(problem));
  const errors = problems.filter((p) => p.level === 'error').length;
  const warnings = problems.length - errors;
  console.log(`i18n-check: ${count(files.length, 'file')}, ${count(errors, 'error')}, ${count(warnings, 'warning')}`);
  return errors ? 1 : 0;
}

// Run only as a command, not when a test imports checkLocales.
if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) {
  process.exitCode = main(process.argv.slice(2));
}
