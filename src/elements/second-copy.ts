/**
 * Runs before Lit loads (every entry imports it first). The first copy of policy-explainer on a
 * page marks the page; a later copy (the same embed under two URLs, the production and the
 * development builds, an app's bundle beside the embed) defines nothing and loads nothing, and
 * its Lit, if it is bundled in, must not create a second Trusted Types policy named "lit-html":
 * under `trusted-types lit-html` without 'allow-duplicates', that is a CSP violation and an
 * exception. Its Lit gets an unused stand-in instead, and the page's factory is put back at once.
 * (A page that also runs its own copy of Lit needs 'allow-duplicates': see docs/elements.md.)
 */
const MARK = Symbol.for('policy-explainer');
const page = globalThis as { [MARK]?: true };

/** Whether this copy is the page's first, the one whose elements are defined. */
export const firstCopy = !page[MARK];
page[MARK] = true;

const factory = (globalThis as { trustedTypes?: { createPolicy: (name: string, rules: object) => unknown } })
  .trustedTypes;
if (factory && !firstCopy) {
  const createPolicy = factory.createPolicy;
  const own = Object.hasOwn(factory, 'createPolicy');
  factory.createPolicy = function (this: unknown, name: string, rules: object) {
    if (name !== 'lit-html') return createPolicy.call(this, name, rules);
    if (own) factory.createPolicy = createPolicy;
    else delete (factory as Partial<typeof factory>).createPolicy;
    // Never used: this copy renders nothing, its elements being the other copy's.
    return {
      createHTML: () => {
        throw new TypeError('policy-explainer: a second copy of the bundle does not render.');
      },
    };
  };
}
