/** Registers `<policy-non-refundable>`. */
import { define } from '../elements/define.js';
import { PolicyNonRefundable } from '../elements/policy-non-refundable.js';

define('policy-non-refundable', PolicyNonRefundable);

export type * from '../elements/events.js';

export { PolicyNonRefundable };

declare global {
  interface HTMLElementTagNameMap {
    'policy-non-refundable': PolicyNonRefundable;
  }
}
