/** Registers `<policy-withdrawal>`. */
import { define } from '../elements/define.js';
import { PolicyWithdrawal } from '../elements/policy-withdrawal.js';

define('policy-withdrawal', PolicyWithdrawal);

export type * from '../elements/events.js';

export { PolicyWithdrawal };

declare global {
  interface HTMLElementTagNameMap {
    'policy-withdrawal': PolicyWithdrawal;
  }
}
