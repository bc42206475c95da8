/**
 * The one-tag embed, `dist/policy-explainer.js`: a small loader. Each element's code is fetched
 * when its tag first appears in the document, with the code the elements share loaded once, and
 * each language's strings when an element shows that language. Chunks are found next to this
 * file, wherever the folder is hosted.
 */
// First, before anything else: a second copy of policy-explainer on the page loads nothing.
import { firstCopy } from './elements/second-copy.js';
import { partsOf, shipped, shippedLanguageFor } from './elements/languages.js';
import type { Strings } from './elements/localize.js';

const elements: Record<string, () => Promise<unknown>> = {
  'policy-delivery-window': () => import('./define/policy-delivery-window.js'),
  'policy-returns': () => import('./define/policy-returns.js'),
  'policy-non-refundable': () => import('./define/policy-non-refundable.js'),
  'policy-cancellation': () => import('./define/policy-cancellation.js'),
  'policy-summary': () => import('./define/policy-summary.js'),
  'policy-kiosk': () => import('./define/policy-kiosk.js'),
  'policy-withdrawal': () => import('./define/policy-withdrawal.js'),
};
const requested = new Set<string>();
const localize = () => import('./elements/localize.js');
/** Lit's hydration, for elements rendered on the server: fetched beside their code. */
const hydration = () => import('@lit-labs/ssr-client');

/** The base language an element found in the page will show, as `languageOf` will read it. */
function languageAt(el: Element): string {
  return shippedLanguageFor(el.closest('[lang]')?.getAttribute('lang') || navigator.language);
}

/**
 * Loads the code of every policy element under `root` not loaded yet, and the strings of the
 * languages they will show, all at once. The embed watches the document by itself; call this for
 * a shadow root of your own that holds policy elements.
 */
export function discover(root: ParentNode = document): void {
  if (!firstCopy) return;
  for (const tag of Object.keys(elements)) {
    const found = [...root.querySelectorAll(tag)];
    if (root instanceof Element && root.localName === tag) found.push(root);
    if (!found.length) continue;
    // The shared code (which holds the strings' loader) at once, beside the element's own chunk.
    void localize().catch(() => {});
    // Strings first: they are what the element waits for last.
    for (const el of found) {
      if (el.shadowRoot && !requested.has('hydration')) {
        requested.add('hydration');
        void hydration().catch(() => {});
      }
      // The words this element shows, in its language (the summary's and kiosk's, of every section).
      const lang = languageAt(el);
      for (const part of partsOf[tag]!) {
        if (requested.has(`${lang}/${part}`)) continue;
        requested.add(`${lang}/${part}`);
        void shipped[lang]![part]().catch(() => {});
      }
    }
    if (requested.has(tag)) continue;
    requested.add(tag);
    elements[tag]!().catch((e: unknown) => {
      requested.delete(tag);
      console.error(`policy-explainer: the code of <${tag}> could not be loaded (${String(e)}).`);
    });
  }
}

/**
 * Adds or replaces strings (see docs/elements.md): the same as the package's `addStrings`, applied
 * once the strings code has loaded.
 */
export function addStrings(language: string, strings: Strings, options?: { replace?: boolean }): void {
  void localize().then((m) => m.addStrings(language, strings, options));
}

if (firstCopy && typeof document !== 'undefined') {
  discover();
  // Elements added later (a page that renders on the client, a dialog opened) load when they come.
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) discover(node);
  }).observe(document, { childList: true, subtree: true });
}
