import i18next, { type TFunction } from 'i18next';
import en from '../../locales/en.json' with { type: 'json' };
import fr from '../../locales/fr.json' with { type: 'json' };
import es from '../../locales/es.json' with { type: 'json' };

/** The languages whose strings ship in the bundle. */
export const LANGUAGES = ['fr', 'es', 'en'] as const;

/**
 * The widget's own i18next instance: never the host page's global one, which it must not touch.
 * Resources are bundled, so initialisation is synchronous.
 */
const i18n = i18next.createInstance();
void i18n.init({
  resources: { en: { translation: en }, fr: { translation: fr }, es: { translation: es } },
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  initAsync: false,
  // Lit renders every value as text, so i18next must not HTML-escape it a second time.
  interpolation: { escapeValue: false },
});

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
  let locale = inheritedLang(el);
  try {
    locale = Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    locale = 'en';
  }
  const base = locale.split('-')[0]!.toLowerCase();
  if (!(LANGUAGES as readonly string[]).includes(base)) locale = 'en';
  return { locale, t: i18n.getFixedT(locale.split('-')[0]!) };
}
