/**
 * policy-explainer: registers every element. One `<script type="module">` of the bundle is the whole embed.
 */
// First, before Lit: a second copy of the bundle must not create Lit's Trusted Types policy again.
import './elements/second-copy.js';
import { PolicyCancellation } from './elements/policy-cancellation.js';
import { PolicyDeliveryWindow } from './elements/policy-delivery-window.js';
import { PolicyKiosk } from './elements/policy-kiosk.js';
import { PolicyNonRefundable } from './elements/policy-non-refundable.js';
import { PolicyReturns } from './elements/policy-returns.js';
import { PolicySummary } from './elements/policy-summary.js';
import { addPageStrings } from './elements/localize.js';

export { PolicyCancellation, PolicyDeliveryWindow, PolicyKiosk, PolicyNonRefundable, PolicyReturns, PolicySummary };
export { PolicyElement } from './elements/policy-element.js';
export { addStrings, type Strings } from './elements/localize.js';
export * from './core/index.js';

const elements = {
  'policy-delivery-window': PolicyDeliveryWindow,
  'policy-returns': PolicyReturns,
  'policy-non-refundable': PolicyNonRefundable,
  'policy-cancellation': PolicyCancellation,
  'policy-summary': PolicySummary,
  'policy-kiosk': PolicyKiosk,
} as const;

addPageStrings();

// A page that loads the bundle twice keeps the first definitions instead of throwing.
for (const [tag, element] of Object.entries(elements)) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

declare global {
  interface HTMLElementTagNameMap {
    'policy-delivery-window': PolicyDeliveryWindow;
    'policy-returns': PolicyReturns;
    'policy-non-refundable': PolicyNonRefundable;
    'policy-cancellation': PolicyCancellation;
    'policy-summary': PolicySummary;
    'policy-kiosk': PolicyKiosk;
  }
}
