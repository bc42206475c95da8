import type { StructuredDataOptions } from '../core/jsonld.js';
import type { Policy } from '../core/types.js';

/**
 * The JSON-LD code, loaded the first time an element asks for structured data: a page without
 * `structured-data` never downloads it.
 */
let jsonld: typeof import('../core/jsonld.js') | undefined;
let loading: Promise<void> | undefined;
const waiting = new Set<() => void>();

/** The JSON-LD code on its way, or undefined when it is in (or was never asked for). */
export const structuredDataLoading = (): Promise<void> | undefined => (jsonld ? undefined : loading);

/** Marks the script an element added, so that it never touches one the page wrote itself. */
const MARK = 'data-policy-explainer';

/**
 * The text of the JSON-LD script an element with `structured-data` adds: the policy at the
 * organization level (the form search engines read on any page), its `only` part. Undefined when
 * it cannot be made: the markup is never worth the element's own text.
 */
export function structuredDataText(
  policy: Policy,
  now: number,
  lang: string,
  only: NonNullable<StructuredDataOptions['only']>,
  /** Called once the JSON-LD code has come, when it had to be loaded: the element renders again. */
  whenLoaded: () => void,
): string | undefined {
  if (!jsonld) {
    waiting.add(whenLoaded);
    loading ??= import('../core/jsonld.js').then(
      (m) => {
        jsonld = m;
        for (const callback of waiting) callback();
        waiting.clear();
      },
      () => {
        // Without the code there is no markup: the element's own text is not affected.
        loading = undefined;
        waiting.clear();
      },
    );
    return undefined;
  }
  try {
    return jsonld.structuredDataScript(jsonld.structuredData(policy, { level: 'organization', now, lang, only }));
  } catch {
    return undefined;
  }
}

/**
 * Puts `text` in a `<script type="application/ld+json">` child of `host` (light DOM, where search
 * engines read it; the shadow root shows none of it), as a text node only; removes the script when `text`
 * is undefined. A script already holding that text is left alone.
 */
export function placeStructuredData(host: HTMLElement, text: string | undefined) {
  let script = host.querySelector(`:scope > script[type="application/ld+json"][${MARK}]`);
  if (text === undefined) {
    script?.remove();
    return;
  }
  if (!script) {
    script = host.ownerDocument.createElement('script');
    script.setAttribute('type', 'application/ld+json');
    script.setAttribute(MARK, '');
    host.append(script);
  }
  // A text node, not the textContent setter: a page enforcing Trusted Types refuses that setter on a
  // script (it would throw), while a data block is never run, so its text needs no TrustedScript.
  if (script.textContent !== text) script.replaceChildren(host.ownerDocument.createTextNode(text));
}
