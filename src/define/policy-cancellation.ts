/** Registers `<policy-cancellation>`. */
import { define } from '../elements/define.js';
import { PolicyCancellation } from '../elements/policy-cancellation.js';

define('policy-cancellation', PolicyCancellation);

export type * from '../elements/events.js';

export { PolicyCancellation };

declare global {
  interface HTMLElementTagNameMap {
    'policy-cancellation': PolicyCancellation;
  }
}
