/** Registers `<policy-summary>`, and the four elements it shows the sections with. */
import { define } from '../elements/define.js';
import './policy-cancellation.js';
import './policy-delivery-window.js';
import './policy-non-refundable.js';
import './policy-returns.js';
import { PolicySummary } from '../elements/policy-summary.js';

define('policy-summary', PolicySummary);

export type * from '../elements/events.js';

export { PolicySummary };

declare global {
  interface HTMLElementTagNameMap {
    'policy-summary': PolicySummary;
  }
}
