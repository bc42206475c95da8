/**
 * Runs before Lit loads (src/index.ts imports it first). When another copy of this bundle already
 * defined the elements (the same file under two URLs, or the production and development builds),
 * this copy defines nothing, and its Lit must not create a second Trusted Types policy named
 * "lit-html": under `trusted-types lit-html` without 'allow-duplicates', that is a CSP violation
 * and an exception. Its Lit gets an unused stand-in instead, and the page's factory is put back at
 * once. (A page that also runs its own copy of Lit needs 'allow-duplicates': see docs/elements.md.)
 */
const factory = (globalThis as { trustedTypes?: { createPolicy: (name: string, rules: object) => unknown } })
  .trustedTypes;
if (factory && typeof customElements !== 'undefined' && customElements.get('policy-delivery-window')) {
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
