import type { Strings } from './localize.js';

/**
 * The languages shipped with the elements, each loaded the first time an element shows it: a
 * page in French never downloads the Spanish or English strings. One line per language: a
 * translator adds locales/xx.json, a developer adds its line here. Nothing else changes.
 */
export const shipped: Record<string, () => Promise<{ default: Strings }>> = {
  en: () => import('../../locales/en.json', { with: { type: 'json' } }),
  fr: () => import('../../locales/fr.json', { with: { type: 'json' } }),
  es: () => import('../../locales/es.json', { with: { type: 'json' } }),
};

/**
 * The shipped language whose strings an element in `lang` needs first: its base language when we
 * ship it, else English (also for a tag that is not one).
 */
export function shippedLanguageFor(lang: string): string {
  try {
    const base = Intl.getCanonicalLocales(lang)[0]!.split('-')[0]!.toLowerCase();
    return Object.hasOwn(shipped, base) ? base : 'en';
  } catch {
    return 'en';
  }
}
