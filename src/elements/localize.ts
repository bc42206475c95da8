import i18next, { type TFunction } from 'i18next';
import { ALL_PARTS, shipped, shippedLanguageFor, type Part } from './languages.js';
import type { usable as Usable } from './strings-check.js';

/** Strings for one language, grouped by element, as in `locales/*.json`. */
export interface Strings {
  [key: string]: string | Strings;
}

/**
 * The widget's own i18next instance: never the host page's global one, which it must not touch.
 * It starts empty; each shipped language is added when an element first shows it.
 */
const i18n = i18next.createInstance();
void i18n.init({
  resources: {},
  fallbackLng: 'en',
  initAsync: false,
  // Lit renders every value as text, so i18next must not HTML-escape it a second time.
  interpolation: { escapeValue: false },
});

const warned = new Set<string>();

/**
 * The shipped English as shipped (i18next may change its own copy), part by part: once whole, the
 * reference every added string is checked against. Loaded whole only on a page that adds strings.
 */
const english: Record<string, unknown> = {};

const isShipped = (lng: string) => Object.hasOwn(shipped, lng);
/**
 * Each part of each shipped language asked for (`fr/product`): its strings in, on their way, or
 * unavailable (offline, a blocked request: English stands in). One map read with `get`, nothing
 * else: a page that broke Set.prototype.has must not make a language look forever unloaded.
 */
const languages = new Map<string, 'loaded' | 'unavailable' | Promise<void>>();
const stateOf = (lng: string, part: Part) => languages.get(`${lng}/${part}`);
/** Whether every one of these parts is in (a loop, not every: a page may have broken Array.prototype). */
function partsIn(lng: string, parts: readonly Part[]) {
  for (let i = 0; i < parts.length; i++) if (stateOf(lng, parts[i]!) !== 'loaded') return false;
  return true;
}
/** Whether an element has asked for any part of the language: it is shown. */
function anyAsked(lng: string) {
  for (let i = 0; i < ALL_PARTS.length; i++) if (stateOf(lng, ALL_PARTS[i]!)) return true;
  return false;
}
/** Whether every part asked for has come or failed. */
function askedSettled(lng: string) {
  for (let i = 0; i < ALL_PARTS.length; i++) if (typeof stateOf(lng, ALL_PARTS[i]!) === 'object') return false;
  return true;
}

/**
 * Strings added at run time, in the order they were given, each waiting for what it needs:
 * English to be checked against, then its own language's shipped strings to go on top of.
 */
const queue: { lng: string; check?: () => void; apply?: () => void }[] = [];

/** The check of added strings: loaded only by a page that adds strings. */
let usable: typeof Usable | undefined;
let checkerLoading: Promise<void> | undefined;
function loadChecker() {
  checkerLoading ??= import('./strings-check.js').then(
    (m) => {
      usable = m.usable;
      flush();
    },
    (e: unknown) => console.error(`policy-explainer: the strings check could not be loaded (${String(e)}).`),
  );
}

/**
 * Applies what the queue can: added strings are checked once English is whole, and applied to a
 * shipped language once an element shows it and all its parts have come (loaded then, so that
 * none comes later, under the page's strings or, for `replace`, in place of English).
 */
function flush() {
  for (let i = 0; i < queue.length;) {
    const op = queue[i]!;
    if (usable && partsIn('en', ALL_PARTS) && op.check) {
      op.check();
      op.check = undefined;
    }
    const shown = isShipped(op.lng) && anyAsked(op.lng);
    if (shown) void load(op.lng, ALL_PARTS);
    if (!op.check && (!isShipped(op.lng) || (shown && askedSettled(op.lng)))) {
      queue.splice(i, 1);
      op.apply?.();
    } else i++;
  }
}

/** Loads parts of a shipped language; what is still on its way, or undefined when nothing is. */
function load(lng: string, parts: readonly Part[]): Promise<unknown> | undefined {
  if (!isShipped(lng)) return undefined;
  const waiting: Promise<void>[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const key = `${lng}/${part}`;
    const state = languages.get(key);
    if (state === 'loaded' || state === 'unavailable') continue;
    let pending = state;
    if (!pending) {
      pending = shipped[lng]![part]().then(
        ({ default: strings }) => {
          if (lng === 'en') Object.assign(english, structuredClone(strings));
          // Strings a page added before this part came stay on top of the shipped ones.
          i18n.addResourceBundle(lng, 'translation', structuredClone(strings), true, false);
          languages.set(key, 'loaded');
          flush();
        },
        (e: unknown) => {
          languages.set(key, 'unavailable');
          console.error(`policy-explainer: the ${lng} strings (${part}) could not be loaded (${String(e)}).`);
          flush();
          listeners.forEach((listener) => listener());
        },
      );
      languages.set(key, pending);
    }
    waiting.push(pending);
  }
  return waiting.length ? Promise.all(waiting) : undefined;
}

/** Whatever strings are on their way, or undefined when none are. */
export function stringsLoading(): Promise<unknown> | undefined {
  // A loop, not filter: a page may have broken Array.prototype's methods.
  const pending: Promise<void>[] = [];
  if (checkerLoading && !usable) pending.push(checkerLoading);
  for (const state of languages.values()) if (typeof state === 'object') pending.push(state);
  return pending.length ? Promise.all(pending) : undefined;
}

/** Starts loading every string an element in `lang` may need (a server render awaits them). */
export function preloadLanguage(lang: string): void {
  void load(shippedLanguageFor(lang), ALL_PARTS);
}

const isGroup = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A language tag in its canonical form, or the problem with it. */
function canonical(language: string): { lng: string } | { problem: string } {
  try {
    return { lng: Intl.getCanonicalLocales(language)[0]! };
  } catch {
    return { problem: `"${String(language)}" is not a language tag; use a code such as "fr", "es" or "pt-BR"` };
  }
}

/** A copy made now: strings changed by the page after the call are not the ones it gave. */
function snapshot(strings: unknown): unknown {
  try {
    return structuredClone(strings);
  } catch {
    return strings;
  }
}

/**
 * Queues strings for one language: checked once English is in (the problems go to `problems`,
 * then `checked` is called), applied once the language's own shipped strings are in. Both at
 * once when they already are.
 */
function addLanguage(lng: string, strings: unknown, replace: boolean, problems: string[], checked: () => void) {
  let good: Record<string, unknown> = {};
  queue.push({
    lng,
    check: () => {
      good = usable!(strings, english, '', problems);
      checked();
    },
    apply: () => {
      if (replace) {
        i18n.removeResourceBundle(lng, 'translation');
        // English is every language's fallback: replaced, it still has every sentence, never a raw key.
        if (lng === 'en') i18n.addResourceBundle('en', 'translation', structuredClone(english), true, true);
      }
      i18n.addResourceBundle(lng, 'translation', good, true, true);
    },
  });
  // A language we do not ship may be shown as soon as it is checked; a shipped one, when an element shows it.
  void load('en', ALL_PARTS);
  loadChecker();
  flush();
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
 * Strings are checked against the English ones, which are loaded first if the page had no need
 * of them yet; strings for a shipped language wait for it to be shown.
 */
export function addStrings(language: string, strings: Strings, { replace = false } = {}): void {
  const where = `addStrings("${String(language)}")`;
  const tag = canonical(language);
  if ('problem' in tag) return report(where, [tag.problem]);
  const problems: string[] = [];
  addLanguage(tag.lng, snapshot(strings), replace, problems, () => report(where, problems));
}

/**
 * Strings a page gives without a line of script, for its brand voice:
 * `<script type="application/json" data-policy-strings>{"fr": {"delivery": {"free": "…"}}}</script>`.
 * The problems of one script are logged in one console error.
 */
export function addPageStrings(root: ParentNode = document): void {
  const where = 'the data-policy-strings script';
  for (const script of root.querySelectorAll('script[type="application/json"][data-policy-strings]')) {
    let languages: unknown;
    try {
      languages = JSON.parse(script.textContent ?? '');
    } catch (e) {
      console.error(`policy-explainer: ${where} is not valid JSON: ${(e as Error).message}`);
      continue;
    }
    if (!isGroup(languages)) {
      report(where, ['must be an object of languages, such as {"fr": {"delivery": {"free": "…"}}}']);
      continue;
    }
    const problems: string[] = [];
    const entries = Object.entries(languages);
    let left = entries.length;
    const done = () => --left === 0 && report(where, problems);
    for (const [language, strings] of entries) {
      const tag = canonical(language);
      const mine: string[] = [];
      const checked = () => {
        problems.push(...mine.map((p) => `${language}: ${p}`));
        done();
      };
      if ('problem' in tag) {
        mine.push(tag.problem);
        checked();
      } else addLanguage(tag.lng, strings, false, mine, checked);
    }
  }
}

const listeners = new Set<() => void>();
i18n.store.on('added', () => listeners.forEach((listener) => listener()));

/** Calls `listener` whenever strings are added or replaced, or a language could not be loaded. */
export const onStringsChange = (listener: () => void) => listeners.add(listener);

export interface Language {
  /** The full tag for Intl formatting (`fr-CA` keeps Canadian date and number formats). */
  locale: string;
  /** The translation function for the tag's base language (`fr` strings for `fr-CA`). */
  t: TFunction;
}

/** Set while a server renders elements (see `serverLanguage`). */
let serverLang: string | undefined;

/**
 * For a server render: `lang` is the language of every element without a `lang` of its own (there,
 * an element has no DOM around it to inherit from, and there is no browser language); undefined
 * ends it. Set it around a synchronous render, once the language's strings are in.
 */
export function serverLanguage(lang: string | undefined): void {
  serverLang = lang;
}

/** The nearest `lang` attribute from the element outwards, crossing shadow roots. */
function inheritedLang(el: Element): string {
  if (serverLang) return el.getAttribute('lang') || serverLang;
  for (let node: Node | null = el; node;) {
    if (node instanceof Element && node.getAttribute('lang')) return node.getAttribute('lang')!;
    node = node.parentNode instanceof ShadowRoot ? node.parentNode.host : node.parentNode;
  }
  return navigator.language;
}

/**
 * The element's language: its own `lang`, else the nearest ancestor's, else `<html lang>`, else
 * the browser's. A language we have no strings for falls back to English. Undefined while the
 * strings it needs (`parts`: the parts it shows words from) are on their way (the element renders
 * again when they come: see `onStringsChange`), or when none could be loaded.
 */
export function languageOf(el: Element, parts: readonly Part[] = ALL_PARTS): Language | undefined {
  let locale: string;
  try {
    locale = Intl.getCanonicalLocales(inheritedLang(el))[0] ?? 'en';
  } catch {
    locale = 'en';
  }
  const base = locale.split('-')[0]!.toLowerCase();
  // The shipped strings first; strings added for a language we do not ship need English beneath.
  if (load(base, parts)) return undefined;
  const has = (l: string) => i18n.hasResourceBundle(l, 'translation');
  if (!partsIn(base, parts) && !has(locale) && !has(base)) locale = 'en';
  if (!partsIn('en', parts) && !partsIn(base, parts) && load('en', parts)) return undefined;
  if (!has(locale) && !has(base) && !has('en')) return undefined;
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
