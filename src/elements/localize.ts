import i18next, { type TFunction } from 'i18next';
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
  resources: Object.fromEntries(Object.entries(bundled).map(([language, strings]) => [language, { translation: strings }])),
  fallbackLng: 'en',
  initAsync: false,
  // Lit renders every value as text, so i18next must not HTML-escape it a second time.
  interpolation: { escapeValue: false },
});

const warned = new Set<string>();

/**
 * Adds a language, or replaces some of a language's strings (a shop's own brand voice), at run
 * time. Keys left out keep their current text, unless `replace` is set (a translator's preview
 * of a whole file); a key the language lacks falls back to English. Every element on the page
 * shows the new strings at once.
 */
export function addStrings(language: string, strings: Strings, { replace = false } = {}): void {
  const lng = Intl.getCanonicalLocales(language)[0]!;
  if (replace) i18n.removeResourceBundle(lng, 'translation');
  i18n.addResourceBundle(lng, 'translation', strings, true, true);
}

/**
 * Strings a page gives without a line of script, for its brand voice:
 * `<script type="application/json" data-policy-strings>{"fr": {"delivery": {"free": "…"}}}</script>`.
 */
export function addPageStrings(root: ParentNode = document): void {
  for (const script of root.querySelectorAll('script[type="application/json"][data-policy-strings]')) {
    try {
      for (const [language, strings] of Object.entries(JSON.parse(script.textContent ?? '') as Record<string, Strings>)) {
        addStrings(language, strings);
      }
    } catch (e) {
      console.error(`policy-explainer: the data-policy-strings script is not valid JSON: ${(e as Error).message}`);
    }
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
  for (let node: Node | null = el; node; ) {
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
  if (![locale, base].some((l) => i18n.hasResourceBundle(l, 'translation'))) return { locale: 'en', t: i18n.getFixedT('en') };
  // i18next looks a key up in the full tag, then its base language, then English.
  const t = i18n.getFixedT(locale);
  if (!__DEV__) return { locale, t };
  // The development build names each string a language lacks (the shopper sees the English one).
  const checked = ((key: string, options?: Record<string, unknown>) => {
    if (![locale, base].some((lng) => i18n.exists(key, { ...options, lng, fallbackLng: false })) && !warned.has(`${base}:${key}`)) {
      warned.add(`${base}:${key}`);
      console.warn(`policy-explainer: "${key}" is missing in locales/${base}.json; showing the English text.`);
    }
    return t(key, options);
  }) as TFunction;
  return { locale, t: checked };
}
