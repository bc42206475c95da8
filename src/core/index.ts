/**
 * policy-explainer/core: the policy format and its arithmetic, without a DOM.
 * Works in Node 20 and in browsers.
 */
// The words of the check's problems: loaded with the core, so that every problem is said in full.
import './messages.js';

export { parsePolicy, checkPolicy, PolicyError, type CheckOptions, type CheckResult } from './parse.js';
export { quoteDelivery, deliveryMethod, type QuoteOptions } from './delivery.js';
export { returnDeadline } from './returns.js';
export { freeCancellationEnd } from './cancellation.js';
export { textFor, textIn } from './text.js';
export {
  euLawCheck,
  isEuCountry,
  outsideEu,
  EU_COUNTRIES,
  WITHDRAWAL_FUNCTION_FROM,
  type LegalCheck,
  type LegalCheckOptions,
  type LegalWarning,
} from './eu-law.js';
export { wallClock, instantAt, instantOf, nextLocalMidnight } from './calendar.js';
export type * from './types.js';
export {
  structuredData,
  structuredDataScript,
  type StructuredData,
  type StructuredDataLevel,
  type StructuredDataOptions,
} from './jsonld.js';
