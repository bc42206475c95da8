/** True in dist/policy-explainer.dev.js and in tests: extra console help for developers and translators. */
declare const __DEV__: boolean;
