// The translators' preview: every string of every element, in every state, side by side in
// each language of locales/, re-read from disk whenever a locale file is saved.
import { addStrings } from '../dist/policy-explainer.js';

const policy = await (await fetch('policy.json')).json();
const clone = (changes = (p) => p) => changes(structuredClone(policy));
const method = (p, m) => Object.assign(p.delivery.methods[0], m) && p;
const withoutSection = (section) => clone((p) => (delete p[section], p));

// Dates taken from today, as the order page does, so that each sentence shows in its real state:
// an order placed an hour ago (free cancellation still open) and one delivered three days ago
// (its return period still running), never a deadline that ended long ago.
const HOUR = 3_600_000;
const zone = policy.merchant.timeZone;
/** The date in the shop's time zone, YYYY-MM-DD. */
const shopDate = (instant) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(instant);
const orderedAt = new Date(Date.now() - HOUR).toISOString();
const deliveredOn = shopDate(new Date(Date.now() - 72 * HOUR));

/** One row: an element, its attributes and its policy (a function of the demo policy). */
const row = (state, tag, attrs = {}, make = clone) => ({ state, tag, attrs, make });

const groups = [
  [
    '<policy-delivery-window>',
    [
      row('before the cutoff: countdown, free', 'policy-delivery-window', {}, () =>
        clone(
          (p) => (
            (p.calendar.businessDays = p.calendar.deliveryDays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']),
            (p.calendar.holidays = []),
            method(p, { cutoff: '23:59' })
          ),
        ),
      ),
      row('after the cutoff', 'policy-delivery-window', {}, () => clone((p) => method(p, { cutoff: '00:00' }))),
      row('paid, slot announced the day before', 'policy-delivery-window', { method: 'home-delivery' }),
      row('slot announced the same day', 'policy-delivery-window', { method: 'home-delivery' }, () =>
        clone((p) => ((p.delivery.methods[1].timeSlot.announced = 'same-day'), p)),
      ),
      row('slot chosen on booking, minutes in times', 'policy-delivery-window', { method: 'home-delivery' }, () =>
        clone(
          (p) => (
            Object.assign(p.delivery.methods[1].timeSlot, { announced: 'on-booking', from: '08:30', to: '12:30' }),
            p
          ),
        ),
      ),
      row('method note (merchant text)', 'policy-delivery-window', {}, () =>
        clone((p) => method(p, { note: { fr: 'Note du marchand', es: 'Nota del comercio', en: 'Merchant note' } })),
      ),
      row('one day: 0 days', 'policy-delivery-window', {}, () =>
        clone((p) =>
          method(p, {
            cutoff: undefined,
            handlingDays: { min: 0, max: 0 },
            transitDays: { min: 0, max: 0 },
            padding: { min: 0, max: 0 },
          }),
        ),
      ),
      row('one day: 1 day', 'policy-delivery-window', {}, () =>
        clone((p) =>
          method(p, { handlingDays: { min: 0, max: 0 }, transitDays: { min: 1, max: 1 }, padding: { min: 0, max: 0 } }),
        ),
      ),
      row('range: 1 to 2 days', 'policy-delivery-window', {}, () =>
        clone((p) =>
          method(p, { handlingDays: { min: 0, max: 0 }, transitDays: { min: 1, max: 2 }, padding: { min: 0, max: 0 } }),
        ),
      ),
      // The longest a policy may state: 3,650 days (87,600 hours). The `_many` forms (1,000,000) are in "Plural forms" below.
      row('range: up to 3,650 days', 'policy-delivery-window', {}, () =>
        clone((p) =>
          method(p, {
            handlingDays: { min: 0, max: 0 },
            transitDays: { min: 2, max: 3650 },
            padding: { min: 0, max: 0 },
          }),
        ),
      ),
      // The fetch gives up after 10 s: then this row shows the fallback instead.
      row('loading (policy on its way)', 'policy-delivery-window', { src: '/__slow?ms=86400000' }, () => undefined),
      row('no delivery section', 'policy-delivery-window', {}, () => withoutSection('delivery')),
      row('bad policy, with a policy link', 'policy-delivery-window', {}, () => clone((p) => ((p.version = 2), p))),
      row('bad policy, no link', 'policy-delivery-window', {}, () => ({ version: 2 })),
    ],
  ],
  [
    '<policy-returns>',
    [
      row('free, product page', 'policy-returns'),
      row('order page: deadline (delivered 3 days ago)', 'policy-returns', { 'delivered-on': deliveredOn }),
      row('customer pays, unused, store credit', 'policy-returns', {}, () =>
        clone(
          (p) => (
            Object.assign(p.returns, {
              fees: 'customer-pays',
              condition: 'unused',
              refund: { method: 'store-credit', withinDays: 1 },
            }),
            p
          ),
        ),
      ),
      row('amount, any condition, exchange, restocking fee', 'policy-returns', {}, () =>
        clone(
          (p) => (
            Object.assign(p.returns, {
              fees: { amount: 6.5, currency: 'EUR' },
              condition: 'any',
              refund: { method: 'exchange', withinDays: 0 },
              restockingFeePercent: 15,
            }),
            p
          ),
        ),
      ),
      row('1 day; refund within 2 days', 'policy-returns', {}, () =>
        clone(
          (p) => (
            Object.assign(p.returns, { windowDays: 1, refund: { method: 'original-payment', withinDays: 2 } }),
            p
          ),
        ),
      ),
      row('3,650 days', 'policy-returns', {}, () =>
        clone((p) => (Object.assign(p.returns, { windowDays: 3650, refund: { withinDays: 3650 } }), p)),
      ),
      row('no returns section', 'policy-returns', {}, () => withoutSection('returns')),
    ],
  ],
  [
    '<policy-non-refundable>',
    [
      row('every standard reason', 'policy-non-refundable', {}, () =>
        clone(
          (p) => (
            (p.nonRefundable = ['hygiene', 'custom-made', 'perishable', 'sealed-media', 'final-sale', 'other'].map(
              (reason) => ({ id: reason, reason, items: { fr: 'Articles', es: 'Artículos', en: 'Items' } }),
            )),
            p
          ),
        ),
      ),
      row("the merchant's own explanation", 'policy-non-refundable', { category: 'hygiene' }),
      row('no non-refundable section', 'policy-non-refundable', {}, () => withoutSection('nonRefundable')),
    ],
  ],
  [
    '<policy-cancellation>',
    [
      row('until shipment, then a percentage', 'policy-cancellation'),
      row('within 1 hour, then an amount', 'policy-cancellation', {}, () =>
        clone(
          (p) => (
            (p.cancellation = {
              free: { withinHours: 1 },
              fee: { amount: 5, currency: 'EUR' },
              channels: ['online'],
              noticeDays: 1,
            }),
            p
          ),
        ),
      ),
      row('within 2 hours; notice 2 days', 'policy-cancellation', {}, () =>
        clone((p) => ((p.cancellation = { free: { withinHours: 2 }, noticeDays: 2 }), p)),
      ),
      row('87,600 hours; notice 3,650 days', 'policy-cancellation', {}, () =>
        clone((p) => ((p.cancellation = { free: { withinHours: 87600 }, noticeDays: 3650 }), p)),
      ),
      row('ordered an hour ago: free until a date and time', 'policy-cancellation', { 'ordered-at': orderedAt }, () =>
        clone((p) => ((p.cancellation.free = { withinHours: 24 }), p)),
      ),
      row('a fee with no free period', 'policy-cancellation', {}, () =>
        clone((p) => ((p.cancellation = { fee: { amount: 15, currency: 'EUR' } }), p)),
      ),
      row('no cancellation section', 'policy-cancellation', {}, () => withoutSection('cancellation')),
    ],
  ],
  ['<policy-summary>', [row('every section, headings', 'policy-summary', { 'heading-level': '3' })]],
];

const status = document.getElementById('status');

/** Reads every locale file from disk, replacing what the bundle carries, so the page shows the files as they are now. */
async function loadLocales() {
  const languages = await (await fetch('/__locales', { cache: 'no-store' })).json();
  for (const lang of languages) {
    try {
      strings[lang] = await (await fetch(`/locales/${lang}.json`, { cache: 'no-store' })).json();
      addStrings(lang, strings[lang], { replace: true });
    } catch (e) {
      status.textContent = `locales/${lang}.json is not valid JSON: ${e.message}`;
    }
  }
  // French, Spanish and English first, then any other language found.
  return [...new Set(['fr', 'es', 'en', ...languages])].filter((l) => languages.includes(l));
}

const COUNTS = [0, 1, 2, 1_000_000];

/**
 * Every plural family of the English file (`delivery.days_one`, `_other`…) with the counts 0, 1, 2
 * and 1,000,000, in each language: the form i18next picks for each count (Intl.PluralRules), with
 * its numbers filled in. A policy cannot state 1,000,000 days (the limit is 3,650), so the `_many`
 * forms of French and Spanish are seen only here.
 */
function pluralTable(languages, strings) {
  const families = new Map();
  const walk = (group, prefix) => {
    for (const [key, value] of Object.entries(group)) {
      if (typeof value === 'object') walk(value, `${prefix}${key}.`);
      else if (/_(zero|one|two|few|many|other)$/.test(key))
        families.set(`${prefix}${key.replace(/_[a-z]+$/, '')}`, true);
    }
  };
  walk(strings.en ?? {}, '');
  const table = document.createElement('table');
  table.innerHTML = '<thead><tr><th scope="col">Key, count</th></tr></thead><tbody></tbody>';
  for (const lang of languages)
    table.tHead.rows[0].append(Object.assign(document.createElement('th'), { scope: 'col', textContent: lang }));
  for (const family of families.keys()) {
    for (const count of COUNTS) {
      const tr = table.tBodies[0].insertRow();
      // The key may break after a dot (delivery.<wbr>daysExactWithSaturday), never inside a word.
      const th = Object.assign(document.createElement('th'), { scope: 'row' });
      family.split('.').forEach((part, i) => th.append(...(i ? ['.', document.createElement('wbr')] : []), part));
      th.append(`, ${count.toLocaleString('en')}`);
      tr.append(th);
      for (const lang of languages) {
        const category = new Intl.PluralRules(lang).select(count);
        const group = family
          .split('.')
          .slice(0, -1)
          .reduce((g, k) => g?.[k], strings[lang]);
        const name = family.split('.').at(-1);
        const template =
          group?.[`${name}_${count === 0 && group[`${name}_zero`] ? 'zero' : category}`] ?? group?.[`${name}_other`];
        const text = template?.replace(/\{\{(\w+)(, number)?\}\}/g, (_, v) => sample(v, count, lang));
        const cell = tr.insertCell();
        cell.lang = lang;
        cell.textContent = text ?? '(missing: the English text shows)';
        const form = Object.assign(document.createElement('small'), { textContent: ` ${name}_${category}` });
        cell.append(form);
      }
    }
  }
  return table;
}

let strings = {};

/**
 * A table in a box that scrolls sideways on a narrow screen, rather than squeezing its columns
 * until words break; focusable, so a keyboard can scroll it too.
 */
function scroller(table, name) {
  const box = Object.assign(document.createElement('div'), { className: 'scroll', tabIndex: 0 });
  box.setAttribute('role', 'region');
  box.setAttribute('aria-label', name);
  box.append(table);
  return box;
}

/**
 * What a sentence's other values look like in `lang` beside a count: a date (tomorrow), a time, the
 * shop's time zone, an amount, as the elements write them; never a bare 0 in their place.
 */
function sample(name, count, lang) {
  const number = new Intl.NumberFormat(lang);
  const tomorrow = new Date(Date.now() + 24 * HOUR);
  const at = (hours) => new Date(`${shopDate(tomorrow)}T${String(hours).padStart(2, '0')}:00:00Z`);
  const time = (hours) =>
    new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(at(hours));
  switch (name) {
    case 'count':
      return number.format(count);
    case 'min':
      return number.format(Math.min(1, count));
    case 'date':
      return new Intl.DateTimeFormat(lang, {
        timeZone: zone,
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      }).format(tomorrow);
    case 'time':
    case 'cutoff':
      return time(14);
    case 'from':
      return time(8);
    case 'to':
      return time(12);
    case 'zone':
      return (
        new Intl.DateTimeFormat(lang, { timeZone: zone, timeZoneName: 'long' })
          .formatToParts(tomorrow)
          .find((p) => p.type === 'timeZoneName')?.value ?? zone
      );
    case 'fee':
    case 'price':
      return new Intl.NumberFormat(lang, { style: 'currency', currency: 'EUR' }).format(5);
    case 'percent':
      return new Intl.NumberFormat(lang, { style: 'percent' }).format(0.1);
    default:
      return `{{${name}}}`;
  }
}

function render(languages) {
  const main = document.getElementById('preview');
  main.replaceChildren();
  for (const [title, rows] of groups) {
    const h2 = Object.assign(document.createElement('h2'), { textContent: title });
    const table = document.createElement('table');
    table.innerHTML = '<thead><tr><th scope="col">State</th></tr></thead><tbody></tbody>';
    for (const lang of languages)
      table.tHead.rows[0].append(Object.assign(document.createElement('th'), { scope: 'col', textContent: lang }));
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
    main.append(h2, scroller(table, title));
  }
  main.append(
    Object.assign(document.createElement('h2'), { textContent: 'Plural forms, with the counts 0, 1, 2 and 1,000,000' }),
    scroller(pluralTable(languages, strings), 'Plural forms'),
  );
  // Open every "why" disclosure, so its text is there to read.
  requestAnimationFrame(() => {
    for (const el of document.querySelectorAll('policy-delivery-window'))
      el.shadowRoot?.querySelector('details')?.setAttribute('open', '');
  });
}

/**
 * The checker's findings, above the preview: a missing key shows as English in its column, which
 * is easy to miss, so each problem is named here with its file, key and fix, as on the command line.
 */
async function showFindings() {
  const findings = document.getElementById('findings');
  const { files, problems } = await (await fetch('/__i18n-check', { cache: 'no-store' })).json();
  const errors = problems.filter((p) => p.level === 'error').length;
  const verdict = Object.assign(document.createElement('p'), {
    className: errors ? 'failing' : 'passing',
    textContent: problems.length
      ? `${errors} error${errors === 1 ? '' : 's'}, ${problems.length - errors} warning${problems.length - errors === 1 ? '' : 's'} in ${files.join(', ')}. Where a key is missing or unusable, its column shows the English text.`
      : `${files.join(', ')}: no problem found.`,
  });
  const list = document.createElement('ul');
  for (const { level, line } of problems)
    list.append(Object.assign(document.createElement('li'), { className: level, textContent: line }));
  findings.replaceChildren(verdict, ...(problems.length ? [list] : []));
}

render(await loadLocales());
await showFindings();
new EventSource('/__locale-events').onmessage = async ({ data }) => {
  render(await loadLocales());
  await showFindings();
  status.textContent = `Updated from locales/${data} at ${new Date().toLocaleTimeString()}.`;
};
