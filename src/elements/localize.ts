import i18next, { type TFunction } from 'i18next';
import { sentenceFaults, variableDiff } from '../core/locale-rules.js';
import * as bundled from './languages.js';

/** Strings for one language, grouped by element, as in `locales/*.json`. */
export interface Strings {
  [key: string]: string | Strings;
}

/**
 * The widget's own i18next instance: never the host page's global one, which it must not touch.
 * Resources are bundled (see languages.ts), so initialisation is synchronous.
 */
const i18n = i18next.createInstance();
void i18n.init({
  resources: Object.fromEntries(
    Object.entries(bundled).map(([language, strings]) => [language, { translation: strings }]),
  ),
  fallbackLng: 'en',
  initAsync: false,
  // Lit renders every value as text, so i18next must not HTML-escape it a second time.
  interpolation: { escapeValue: false },
});

const warned = new Set<string>();

/** The bundled English as shipped (i18next may change its own copy): the reference every string is checked against. */
const english: Record<string, unknown> = structuredClone(bundled.en);

const isGroup = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const PLURAL = /^(.+)_(zero|one|two|few|many|other)$/;

/**
 * The English sentences a key stands for, whose variables it must keep: the key's own, or for a
 * plural form English lacks (`days_many`, `days_few`), every form of its family.
 */
function englishFor(group: Record<string, unknown>, key: string): string[] | undefined {
  if (typeof group[key] === 'string') return [group[key] as string];
  const family = PLURAL.exec(key)?.[1];
  const forms = family
    ? Object.keys(group).filter((k) => PLURAL.exec(k)?.[1] === family && typeof group[k] === 'string')
    : [];
  return forms.length > 1 ? forms.map((k) => group[k] as string) : undefined;
}

/**
 * The part of `strings` the elements can use, checked against the bundled English: groups where
 * English has groups, and non-empty sentences that keep exactly the English {{variables}} (a
 * sentence that loses {{from}} would show half a window; an unknown {{x}} would show as is), with
 * no direction control left open. Each problem is added to `problems`.
 */
function usable(
  strings: unknown,
  model: Record<string, unknown>,
  at: string,
  problems: string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!isGroup(strings)) {
    problems.push(
      `${at || 'the strings'}: must be a group of keys ({…}), not ${JSON.stringify(strings) ?? typeof strings}`,
    );
    return out;
  }
  for (const [key, value] of Object.entries(strings)) {
    const path = at ? `${at}.${key}` : key;
    if (isGroup(model[key])) {
      const group = usable(value, model[key], path, problems);
      if (Object.keys(group).length) out[key] = group;
      continue;
    }
    const sentences = englishFor(model, key);
    // The same rules as the translators' check (src/core/locale-rules.js).
    const faults = typeof value === 'string' ? sentenceFaults(value) : [];
    if (!sentences) problems.push(`${path}: no such key in the elements' strings`);
    else if (typeof value !== 'string' || !value.trim()) {
      problems.push(
        `${path}: must be a non-empty sentence in quotes, not ${typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? typeof value).slice(0, 40)}`,
      );
    } else if (faults.length) problems.push(...faults.map((fault) => `${path}: ${fault}`));
    else {
      const { expected, missing, unknown } = variableDiff(value, sentences, { zero: key.endsWith('_zero') });
      if (missing.length || unknown.length) {
        problems.push(
          `${path}: must use ${expected.map((v) => `{{${v}}}`).join(' ') || 'no {{variable}}'}, as in English (found ${JSON.stringify(value)})`,
        );
      } else out[key] = value;
    }
  }
  return out;
}

/** Adds strings and returns the problems found: nothing unusable reaches the shopper. */
function merge(language: string, strings: unknown, replace: boolean): string[] {
  let lng: string;
  try {
    lng = Intl.getCanonicalLocales(language)[0]!;
  } catch {
    return [`"${String(language)}" is not a language tag; use a code such as "fr", "es" or "pt-BR"`];
  }
  const problems: string[] = [];
  const good = usable(strings, english, '', problems);
  if (replace) {
    i18n.removeResourceBundle(lng, 'translation');
    // English is every language's fallback: replaced, it still has every sentence, never a raw key.
    if (lng === 'en') i18n.addResourceBundle('en', 'translation', english, true, true);
  }
  i18n.addResourceBundle(lng, 'translation', good, true, true);
  return problems;
}

const report = (where: string, problems: string[]) => {
  if (problems.length) {
    console.error(
      `policy-explainer: ${where}: ${problems.length} string${problems.length > 1 ? 's' : ''} left out (the current text shows instead):\n${problems.join('\n')}`,
    );
  }
};

/**
 * Adds a language, or replaces some of a language's strings (a shop's own brand voice), at run
 * time. Keys left out keep their current text, unless `replace` is set (a translator's preview
 * of a whole file); a key the language lacks falls back to English. Every element on the page
 * shows the new strings at once. A string the elements cannot use (not a sentence, a variable
 * lost or unknown, an unknown key) is left out, and all such problems are logged in one
 * console error: it never throws, and the shopper never sees a raw key or half a sentence.
 */
export function addStrings(language: string, strings: Strings, { replace = false } = {}): void {
  report(`addStrings("${String(language)}")`, merge(language, strings, replace));
}

/**
 * Strings a page gives without a line of script, for its brand voice:
 * `<script type="application/json" data-policy-strings>{"fr": {"delivery": {"free": "…"}}}</script>`.
 */
export function addPageStrings(root: ParentNode = document): void {
  for (const script of root.querySelectorAll('script[type="application/json"][data-policy-strings]')) {
    let languages: unknown;
    try {
      languages = JSON.parse(script.textContent ?? '');
    } catch (e) {
      console.error(`policy-explainer: the data-policy-strings script is not valid JSON: ${(e as Error).message}`);
      continue;
    }
    const problems = isGroup(languages)
      ? Object.entries(languages).flatMap(([language, strings]) =>
          merge(language, strings, false).map((p) => `${language}: ${p}`),
        )
      : ['must be an object of languages, such as {"fr": {"delivery": {"free": "…"}}}'];
    report('the data-policy-strings script', problems);
  }
}

/** Calls `listener` whenever strings are added or replaced. */
export const onStringsChange = (listener: () => void) => i18n.store.on('added', listener);

export interface Language {
  /** The full tag for Intl formatting (`fr-CA` keeps Canadian date and number formats). */
  locale: string;
  /** The translation function for the tag's base language (`fr` strings for `fr-CA`). */
  t: TFunction;
}

/** The nearest `lang` attribute from the element outwards, crossing shadow roots. */
function inheritedLang(el: Element): string {
  for (let node: Node | null = el; node;) {
    if (node instanceof Element && node.getAttribute('lang')) return node.getAttribute('lang')!;
    node = node.parentNode instanceof ShadowRoot ? node.parentNode.host : node.parentNode;
  }
  return navigator.language;
}

/**
 * The element's language: its own `lang`, else the nearest ancestor's, else `<html lang>`, else
 * the browser's. A language we have no strings for falls back to English.
 */
export function languageOf(el: Element): Language {
  let locale: string;
  try {
    locale = Intl.getCanonicalLocales(inheritedLang(el))[0] ?? 'en';
  } catch {
    locale = 'en';
  }
  const base = locale.split('-')[0]!.toLowerCase();
  if (![locale, base].some((l) => i18n.hasResourceBundle(l, 'translation')))
    return { locale: 'en', t: i18n.getFixedT('en') };
  // i18next looks a key up in the full tag, then its base language, then English.
  const t = i18n.getFixedT(locale);
  if (!__DEV__) return { locale, t };
  // The development build names each string a language lacks (the shopper sees the English one).
  const checked = ((key: string, options?: Record<string, unknown>) => {
    if (
      ![locale, base].some((lng) => i18n.exists(key, { ...options, lng, fallbackLng: false })) &&
      !warned.has(`${base}:${key}`)
    ) {
      warned.add(`${base}:${key}`);
      console.warn(`policy-explainer: "${key}" is missing in locales/${base}.json; showing the English text.`);
    }
    return t(key, options);
  }) as TFunction;
  return { locale, t: checked };
}
