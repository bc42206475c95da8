import { main } from './policy-explainer.js';

// `check` answers at once; `holidays` loads date-holidays first.
void Promise.resolve(main(process.argv.slice(2))).then((status) => (process.exitCode = status));
