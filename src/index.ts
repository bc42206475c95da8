/**
 * policy-explainer: registers every element. One `<script type="module">` of the bundle is the whole embed.
 */
import { PolicyDeliveryWindow } from './elements/policy-delivery-window.js';

export { PolicyDeliveryWindow };
export { PolicyElement } from './elements/policy-element.js';
export * from './core/index.js';

const elements = { 'policy-delivery-window': PolicyDeliveryWindow } as const;

// A page that loads the bundle twice keeps the first definitions instead of throwing.
for (const [tag, element] of Object.entries(elements)) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

declare global {
  interface HTMLElementTagNameMap {
    'policy-delivery-window': PolicyDeliveryWindow;
  }
}
