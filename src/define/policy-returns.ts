/** Registers `<policy-returns>`. */
import { define } from '../elements/define.js';
import { PolicyReturns } from '../elements/policy-returns.js';

define('policy-returns', PolicyReturns);

export type * from '../elements/events.js';

export { PolicyReturns };

declare global {
  interface HTMLElementTagNameMap {
    'policy-returns': PolicyReturns;
  }
}
