/**
 * policy-explainer for apps with a bundler: the element classes, `addStrings` and the core API,
 * with no side effect. Register the elements with `import 'policy-explainer/define'` (all seven) or
 * `import 'policy-explainer/define/policy-delivery-window'` (one); or call `customElements.define`
 * under names of your own.
 */
export { PolicyCancellation } from './elements/policy-cancellation.js';
export { PolicyDeliveryWindow } from './elements/policy-delivery-window.js';
export { PolicyKiosk } from './elements/policy-kiosk.js';
export { PolicyNonRefundable } from './elements/policy-non-refundable.js';
export { PolicyReturns } from './elements/policy-returns.js';
export { PolicySummary } from './elements/policy-summary.js';
export { PolicyWithdrawal } from './elements/policy-withdrawal.js';
export { PolicyElement } from './elements/policy-element.js';
export { addPageStrings, addStrings, type Strings } from './elements/localize.js';
export * from './core/index.js';
export type * from './elements/events.js';
