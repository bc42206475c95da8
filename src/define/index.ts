/** Registers all seven elements: `import 'policy-explainer/define'`. */
import './policy-cancellation.js';
import './policy-delivery-window.js';
import './policy-kiosk.js';
import './policy-non-refundable.js';
import './policy-returns.js';
import './policy-summary.js';
import './policy-withdrawal.js';
export type * from '../elements/events.js';
