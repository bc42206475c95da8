/** Registers `<policy-kiosk>`, and the summary it shows the policy with. */
import { define } from '../elements/define.js';
import './policy-summary.js';
import { PolicyKiosk } from '../elements/policy-kiosk.js';

define('policy-kiosk', PolicyKiosk);

export type * from '../elements/events.js';

export { PolicyKiosk };

declare global {
  interface HTMLElementTagNameMap {
    'policy-kiosk': PolicyKiosk;
  }
}
