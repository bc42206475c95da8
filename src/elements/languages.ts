import type { Strings } from './localize.js';

/**
 * The parts of a language's strings (scripts/locale-parts.mjs makes them from locales/*.json):
 * `product` (the delivery window, the items not taken back), `order` (returns, cancellation) and
 * `withdrawal`, each with the words every element shares.
 */
export type Part = 'product' | 'order' | 'withdrawal';
type Loader = () => Promise<{ default: Strings }>;

/**
 * The languages shipped with the elements, each part loaded the first time an element shows it:
 * a page in French never downloads the Spanish or English strings, nor the words of elements it
 * does not show. One block per language: a translator adds locales/xx.json, a developer adds its
 * block here. Nothing else changes.
 */
export const shipped: Record<string, Record<Part, Loader>> = {
  en: {
    product: () => import('policy-strings/en/product'),
    order: () => import('policy-strings/en/order'),
    withdrawal: () => import('policy-strings/en/withdrawal'),
  },
  fr: {
    product: () => import('policy-strings/fr/product'),
    order: () => import('policy-strings/fr/order'),
    withdrawal: () => import('policy-strings/fr/withdrawal'),
  },
  es: {
    product: () => import('policy-strings/es/product'),
    order: () => import('policy-strings/es/order'),
    withdrawal: () => import('policy-strings/es/withdrawal'),
  },
};

/** Every part, for an element of ours under a name of the page's own, and for a server. */
export const ALL_PARTS: Part[] = ['product', 'order', 'withdrawal'];

/** The parts each element shows words from, by its tag (the summary and kiosk: every section's). */
export const partsOf: Record<string, Part[]> = {
  'policy-delivery-window': ['product'],
  'policy-non-refundable': ['product'],
  'policy-returns': ['order'],
  'policy-cancellation': ['order'],
  'policy-summary': ['product', 'order'],
  'policy-kiosk': ['product', 'order'],
  'policy-withdrawal': ['withdrawal'],
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
