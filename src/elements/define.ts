// First, before Lit: a second copy must not create Lit's Trusted Types policy again.
import { firstCopy } from './second-copy.js';
import { addPageStrings } from './localize.js';

let pageStringsRead = false;

/**
 * Registers an element under its tag, once per page: a second copy of policy-explainer defines
 * nothing (see second-copy.ts), and a tag already taken is left as it is. The first registration
 * also reads the page's `data-policy-strings` script. Does nothing where there are no custom
 * elements (a server without Lit's DOM shim).
 */
export function define(tag: string, element: CustomElementConstructor): void {
  if (!firstCopy || typeof customElements === 'undefined') return;
  if (!pageStringsRead && typeof document !== 'undefined') {
    pageStringsRead = true;
    addPageStrings();
  }
  if (!customElements.get(tag)) customElements.define(tag, element);
}
