/** True in dist/policy-explainer.dev.js and in tests: extra console help for developers and translators. */
declare const __DEV__: boolean;

/** One part of a language's strings (scripts/locale-parts.mjs): `policy-strings/fr/order`. */
declare module 'policy-strings/*' {
  const strings: import('./elements/localize.js').Strings;
  export default strings;
}
