// The translators' preview: every string of every element, in every state, side by side in
// each language of locales/, re-read from disk whenever a locale file is saved.
import { addStrings } from '../dist/policy-explainer.js';

const policy = await (await fetch('policy.json')).json();
const clone = (changes = (p) => p) => changes(structuredClone(policy));
const method = (p, m) => Object.assign(p.delivery.methods[0], m) && p;
const withoutSection = (section) => clone((p) => (delete p[section], p));

/** One row: an element, its attributes and its policy (a function of the demo policy). */
const row = (state, tag, attrs = {}, make = clone) => ({ state, tag, attrs, make });

const groups = [
  ['<policy-delivery-window>', [
    row('before the cutoff: countdown, free', 'policy-delivery-window', {}, () =>
      clone((p) => ((p.calendar.businessDays = p.calendar.deliveryDays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']), (p.calendar.holidays = []), method(p, { cutoff: '23:59' })))),
    row('after the cutoff', 'policy-delivery-window', {}, () => clone((p) => method(p, { cutoff: '00:00' }))),
    row('paid, slot announced the day before', 'policy-delivery-window', { method: 'home-delivery' }),
    row('slot announced the same day', 'policy-delivery-window', { method: 'home-delivery' }, () =>
      clone((p) => ((p.delivery.methods[1].timeSlot.announced = 'same-day'), p))),
    row('slot chosen on booking, minutes in times', 'policy-delivery-window', { method: 'home-delivery' }, () =>
      clone((p) => (Object.assign(p.delivery.methods[1].timeSlot, { announced: 'on-booking', from: '08:30', to: '12:30' }), p))),
    row('method note (merchant text)', 'policy-delivery-window', {}, () => clone((p) => method(p, { note: { fr: 'Note du marchand', es: 'Nota del comercio', en: 'Merchant note' } }))),
    row('one day: 0 days', 'policy-delivery-window', {}, () => clone((p) => method(p, { cutoff: undefined, handlingDays: { min: 0, max: 0 }, transitDays: { min: 0, max: 0 }, padding: { min: 0, max: 0 } }))),
    row('one day: 1 day', 'policy-delivery-window', {}, () => clone((p) => method(p, { handlingDays: { min: 0, max: 0 }, transitDays: { min: 1, max: 1 }, padding: { min: 0, max: 0 } }))),
    row('range: 1 to 2 days', 'policy-delivery-window', {}, () => clone((p) => method(p, { handlingDays: { min: 0, max: 0 }, transitDays: { min: 1, max: 2 }, padding: { min: 0, max: 0 } }))),
    row('range: up to 1,000,000 days', 'policy-delivery-window', {}, () => clone((p) => method(p, { handlingDays: { min: 0, max: 0 }, transitDays: { min: 2, max: 1000000 }, padding: { min: 0, max: 0 } }))),
    row('loading (policy on its way)', 'policy-delivery-window', { src: '/__slow?ms=86400000' }, () => undefined),
    row('no delivery section', 'policy-delivery-window', {}, () => withoutSection('delivery')),
    row('bad policy, with a policy link', 'policy-delivery-window', {}, () => clone((p) => ((p.version = 2), p))),
    row('bad policy, no link', 'policy-delivery-window', {}, () => ({ version: 2 })),
  ]],
  ['<policy-returns>', [
    row('free, product page', 'policy-returns'),
    row('order page: deadline', 'policy-returns', { 'delivered-on': '2026-03-09' }),
    row('customer pays, unused, store credit', 'policy-returns', {}, () =>
      clone((p) => (Object.assign(p.returns, { fees: 'customer-pays', condition: 'unused', refund: { method: 'store-credit', withinDays: 1 } }), p))),
    row('amount, any condition, exchange, restocking fee', 'policy-returns', {}, () =>
      clone((p) => (Object.assign(p.returns, { fees: { amount: 6.5, currency: 'EUR' }, condition: 'any', refund: { method: 'exchange', withinDays: 0 }, restockingFeePercent: 15 }), p))),
    row('1 day; refund within 2 days', 'policy-returns', {}, () => clone((p) => (Object.assign(p.returns, { windowDays: 1, refund: { method: 'original-payment', withinDays: 2 } }), p))),
    row('1,000,000 days', 'policy-returns', {}, () => clone((p) => (Object.assign(p.returns, { windowDays: 1000000, refund: { withinDays: 1000000 } }), p))),
    row('no returns section', 'policy-returns', {}, () => withoutSection('returns')),
  ]],
  ['<policy-non-refundable>', [
    row('every standard reason', 'policy-non-refundable', {}, () =>
      clone((p) => ((p.nonRefundable = ['hygiene', 'custom-made', 'perishable', 'sealed-media', 'final-sale', 'other'].map((reason) => ({ id: reason, reason, items: { fr: 'Articles', es: 'Artículos', en: 'Items' } }))), p))),
    row("the merchant's own explanation", 'policy-non-refundable', { category: 'hygiene' }),
    row('no non-refundable section', 'policy-non-refundable', {}, () => withoutSection('nonRefundable')),
  ]],
  ['<policy-cancellation>', [
    row('until shipment, then a percentage', 'policy-cancellation'),
    row('within 1 hour, then an amount', 'policy-cancellation', {}, () => clone((p) => ((p.cancellation = { free: { withinHours: 1 }, fee: { amount: 5, currency: 'EUR' }, channels: ['online'], noticeDays: 1 }), p))),
    row('within 2 hours; notice 2 days', 'policy-cancellation', {}, () => clone((p) => ((p.cancellation = { free: { withinHours: 2 }, noticeDays: 2 }), p))),
    row('1,000,000 hours; notice 1,000,000 days', 'policy-cancellation', {}, () => clone((p) => ((p.cancellation = { free: { withinHours: 1000000 }, noticeDays: 1000000 }), p))),
    row('ordered at: free until a date and time', 'policy-cancellation', { 'ordered-at': '2026-03-02T10:00:00+01:00' }, () =>
      clone((p) => ((p.cancellation.free = { withinHours: 24 }), p))),
    row('a fee with no free period', 'policy-cancellation', {}, () => clone((p) => ((p.cancellation = { fee: { amount: 15, currency: 'EUR' } }), p))),
    row('no cancellation section', 'policy-cancellation', {}, () => withoutSection('cancellation')),
  ]],
  ['<policy-summary>', [row('every section, headings', 'policy-summary', { 'heading-level': '3' })]],
];

const status = document.getElementById('status');

/** Reads every locale file from disk, replacing what the bundle carries, so the page shows the files as they are now. */
async function loadLocales() {
  const languages = await (await fetch('/__locales', { cache: 'no-store' })).json();
  for (const lang of languages) {
    try {
      addStrings(lang, await (await fetch(`/locales/${lang}.json`, { cache: 'no-store' })).json(), { replace: true });
    } catch (e) {
      status.textContent = `locales/${lang}.json is not valid JSON: ${e.message}`;
    }
  }
  // French, Spanish and English first, then any other language found.
  return [...new Set(['fr', 'es', 'en', ...languages])].filter((l) => languages.includes(l));
}

function render(languages) {
  const main = document.getElementById('preview');
  main.replaceChildren();
  for (const [title, rows] of groups) {
    const h2 = Object.assign(document.createElement('h2'), { textContent: title });
    const table = document.createElement('table');
    table.innerHTML = '<thead><tr><th scope="col">State</th></tr></thead><tbody></tbody>';
    for (const lang of languages) table.tHead.rows[0].append(Object.assign(document.createElement('th'), { scope: 'col', textContent: lang }));
    for (const { state, tag, attrs, make } of rows) {
      const tr = table.tBodies[0].insertRow();
      tr.append(Object.assign(document.createElement('th'), { scope: 'row', textContent: state }));
      for (const lang of languages) {
        const el = document.createElement(tag);
        el.lang = lang;
        for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
        const p = make();
        if (p !== undefined) el.policy = p;
        tr.insertCell().append(el);
      }
    }
    main.append(h2, table);
  }
  // Open every "why" disclosure, so its text is there to read.
  requestAnimationFrame(() => {
    for (const el of document.querySelectorAll('policy-delivery-window')) el.shadowRoot?.querySelector('details')?.setAttribute('open', '');
  });
}

render(await loadLocales());
new EventSource('/__locale-events').onmessage = async ({ data }) => {
  render(await loadLocales());
  status.textContent = `Updated from locales/${data} at ${new Date().toLocaleTimeString()}.`;
};
