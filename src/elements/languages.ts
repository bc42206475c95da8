// The languages bundled with the elements: one line each, the JSON file under its language code.
// A translator adds locales/xx.json; a developer adds its line here. Nothing else changes.
export { default as en } from '../../locales/en.json' with { type: 'json' };
export { default as fr } from '../../locales/fr.json' with { type: 'json' };
export { default as es } from '../../locales/es.json' with { type: 'json' };
