import { main } from './policy-explainer.js';

process.exitCode = main(process.argv.slice(2));
