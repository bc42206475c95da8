/**
 * The elements' two events, typed for `addEventListener` on any element, the document or the window:
 * `policy-ready` (what an element showed) and `policy-error` (why it shows the fallback). Types only:
 * this module adds nothing at run time.
 */
import type { DeliveryQuote, Issue, LocalDate, WithdrawalAcknowledgement } from '../core/types.js';

/** `<policy-delivery-window>`'s `policy-ready`: the quote shown. */
export interface DeliveryReadyDetail {
  quote: DeliveryQuote;
}

/** `<policy-returns>`'s `policy-ready`: the last day to send the item back, with `delivered-on`. */
export interface ReturnsReadyDetail {
  deadline: LocalDate | undefined;
}

/** `<policy-non-refundable>`'s `policy-ready`: the ids of the entries shown. */
export interface NonRefundableReadyDetail {
  entries: string[];
}

/** `<policy-cancellation>`'s `policy-ready`: the end of the free period (an ISO instant), when known. */
export interface CancellationReadyDetail {
  freeUntil: string | undefined;
}

/** `<policy-summary>`'s `policy-ready`: the sections shown, in order. */
export interface SummaryReadyDetail {
  sections: ('delivery' | 'returns' | 'nonRefundable' | 'cancellation')[];
}

/** `<policy-kiosk>`'s `policy-ready`: the language shown (`en` for a language without strings). */
export interface KioskReadyDetail {
  language: string;
}

/**
 * `<policy-withdrawal>`'s `policy-ready`, at each step: `start`, `form`, `confirm`, `sending`, then
 * `sent` with the endpoint's acknowledgement, or `failed` (the form kept filled).
 */
export interface WithdrawalReadyDetail {
  step: 'start' | 'form' | 'confirm' | 'sending' | 'sent' | 'failed';
  acknowledgement?: WithdrawalAcknowledgement;
}

/** Each element's `policy-ready` detail, by tag. */
export interface PolicyReadyDetails {
  'policy-delivery-window': DeliveryReadyDetail;
  'policy-returns': ReturnsReadyDetail;
  'policy-non-refundable': NonRefundableReadyDetail;
  'policy-cancellation': CancellationReadyDetail;
  'policy-summary': SummaryReadyDetail;
  'policy-kiosk': KioskReadyDetail;
  'policy-withdrawal': WithdrawalReadyDetail;
}

type AnyReadyDetail = PolicyReadyDetails[keyof PolicyReadyDetails];
type KeysOf<T> = T extends unknown ? keyof T : never;
type ReadyField = KeysOf<AnyReadyDetail>;

/**
 * `policy-ready`'s detail heard from any element: one element's fields, the others' absent. So
 * `e.detail.quote` type-checks anywhere (a `DeliveryQuote`, or `undefined` from another element),
 * and `if (e.detail.quote)` narrows to the delivery window's detail.
 */
export type PolicyReadyDetail = {
  [Tag in keyof PolicyReadyDetails]: PolicyReadyDetails[Tag] & {
    [Field in Exclude<ReadyField, keyof PolicyReadyDetails[Tag]>]?: undefined;
  };
}[keyof PolicyReadyDetails];

/** `policy-error`'s detail: the `{path, message}` list of what kept the policy from being shown. */
export interface PolicyErrorDetail {
  issues: Issue[];
}

/** The `policy-ready` event of one element, e.g. `PolicyReadyEvent<'policy-delivery-window'>`. */
export type PolicyReadyEvent<Tag extends keyof PolicyReadyDetails = keyof PolicyReadyDetails> = CustomEvent<
  PolicyReadyDetails[Tag]
>;

/**
 * Both events, as `addEventListener` sees them: they bubble and cross shadow roots, so an element, a
 * shadow root, the document and the window hear them.
 */
export interface PolicyEventMap {
  'policy-ready': CustomEvent<PolicyReadyDetail>;
  'policy-error': CustomEvent<PolicyErrorDetail>;
}

declare global {
  /* eslint-disable @typescript-eslint/no-empty-object-type -- merged with the DOM's own maps */
  interface HTMLElementEventMap extends PolicyEventMap {}
  interface ElementEventMap extends PolicyEventMap {}
  interface ShadowRootEventMap extends PolicyEventMap {}
  interface DocumentEventMap extends PolicyEventMap {}
  interface WindowEventMap extends PolicyEventMap {}
  /* eslint-enable @typescript-eslint/no-empty-object-type */
}
