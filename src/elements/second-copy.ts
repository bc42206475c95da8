/**
 * Runs before anything else of policy-explainer (every entry imports it first). The first copy on
 * a page marks it; a later copy (the same embed under two URLs, the production and development
 * builds together, the embed beside an app's bundle) defines nothing and loads nothing. The
 * embeds keep Lit in a chunk that only the first copy loads, so a later copy never runs a second
 * Lit, and never asks Trusted Types for a second "lit-html" policy: a page that restricts policy
 * names to `trusted-types lit-html` stays free of violations. (A page that also runs its own copy
 * of Lit, as an app does, needs 'allow-duplicates': see docs/elements.md.)
 */
const MARK = Symbol.for('policy-explainer');
const page = globalThis as { [MARK]?: true };

/** Whether this copy is the page's first, the one whose elements are defined. */
export const firstCopy = !page[MARK];
page[MARK] = true;
