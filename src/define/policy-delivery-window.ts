/** Registers `<policy-delivery-window>`. */
import { define } from '../elements/define.js';
import { PolicyDeliveryWindow } from '../elements/policy-delivery-window.js';

define('policy-delivery-window', PolicyDeliveryWindow);

export type * from '../elements/events.js';

export { PolicyDeliveryWindow };

declare global {
  interface HTMLElementTagNameMap {
    'policy-delivery-window': PolicyDeliveryWindow;
  }
}
