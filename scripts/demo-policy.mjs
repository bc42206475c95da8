#!/usr/bin/env node
/**
 * Writes demo/policy.json: the shared example policy (tests/fixtures/examples/policy-full.json)
 * with its French public holidays carried on to the end of LAST_YEAR, and its French apostrophes
 * typographic (’), as the elements' French strings are, and a `withdrawal` section (the demo
 * server's endpoint) after the others. The shared copy lists the holidays
 * for 2026 and 2027 only; from 2028 on, a demo built on it would quote windows straight through
 * Christmas and tell visitors that its holidays have run out. Run it again to move LAST_YEAR on;
 * a test checks that demo/policy.json is what this script writes.
 *
 * Usage: node scripts/demo-policy.mjs [--check]   (--check: exit 1 if the file differs)
 */
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
export const LAST_YEAR = 2040;

/** Easter Sunday of a Gregorian year (the anonymous algorithm of Nature, 1876), as [month, day]. */
function easter(y) {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  return [Math.floor((h + l - 7 * m + 114) / 31), ((h + l - 7 * m + 114) % 31) + 1];
}

const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

/** France's eleven public holidays (Code du travail, L3133-1) of a year, in order. */
export function frenchHolidays(y) {
  const [m, d] = easter(y);
  const fromEaster = (days) => iso(Date.UTC(y, m - 1, d + days));
  return [
    `${y}-01-01`,
    fromEaster(1),
    `${y}-05-01`,
    `${y}-05-08`,
    fromEaster(39),
    fromEaster(50),
    `${y}-07-14`,
    `${y}-08-15`,
    `${y}-11-01`,
    `${y}-11-11`,
    `${y}-12-25`,
  ].sort();
}

/**
 * The EU withdrawal function the demo shop offers (<policy-withdrawal>), which the shared file does
 * not state: the demo server's own endpoint (scripts/withdrawal-endpoint.mjs, on npm start's default
 * port; demo/withdrawal.js points it at the page's own server when it runs on another) and the
 * address shoppers are offered when it fails. Added as the file's last section.
 */
export const DEMO_WITHDRAWAL = {
  days: 14,
  endpoint: 'http://localhost:8000/api/withdrawal',
  email: 'retractation@maison-dupont.example',
};

/**
 * How to reach the demo shop, which the shared file does not state either: its phone number and
 * e-mail address (shown by <policy-cancellation> with the phone and e-mail channels) and the page
 * where an order is cancelled online.
 */
export const DEMO_CONTACT = { email: 'service@maison-dupont.example', phone: '+33 1 99 00 48 16' };
export const DEMO_CANCELLATION_URL = 'https://maison-dupont.example/mon-compte/commandes';

function withContacts(text) {
  const policyUrl = /("policyUrl": "[^"]*")\n/;
  const channels = /("channels": \[[^\]]*\]),\n(\s*)("noticeDays")/;
  if (!policyUrl.test(text) || !channels.test(text))
    throw new Error('policy-full.json changed its layout: update withContacts in scripts/demo-policy.mjs');
  return text
    .replace(policyUrl, `$1,\n    "contact": { "email": "${DEMO_CONTACT.email}", "phone": "${DEMO_CONTACT.phone}" }\n`)
    .replace(channels, `$1,\n$2"url": "${DEMO_CANCELLATION_URL}",\n$2$3`);
}

function withWithdrawal(text) {
  const end = text.lastIndexOf('}');
  const body = text.slice(0, end).trimEnd();
  const section = JSON.stringify(DEMO_WITHDRAWAL, null, 2).replace(/\n/g, '\n  ');
  return `${body},\n  "withdrawal": ${section}\n}\n`;
}

/** The demo policy as text: the shared one, its holidays from its first year to LAST_YEAR. */
export function demoPolicy() {
  const shared = readFileSync(new URL('tests/fixtures/examples/policy-full.json', root), 'utf8');
  const policy = JSON.parse(shared);
  const first = Number(policy.calendar.holidays[0].slice(0, 4));
  const holidays = [];
  for (let y = first; y <= LAST_YEAR; y++) holidays.push(...frenchHolidays(y));
  // The years the shared file lists must come out the same: the rule above is France's, as there.
  const mine = holidays.filter((h) => policy.calendar.holidays.includes(h) || h <= policy.calendar.holidays.at(-1));
  if (JSON.stringify(mine) !== JSON.stringify(policy.calendar.holidays)) {
    throw new Error("policy-full.json lists other holidays than France's public ones: update scripts/demo-policy.mjs");
  }
  // Only the list changes, laid out as there: a line per year.
  const start = shared.indexOf('[', shared.indexOf('"holidays"'));
  const end = shared.indexOf(']', start);
  const indent = ' '.repeat(6);
  const years = [];
  for (let y = first; y <= LAST_YEAR; y++)
    years.push(
      indent +
        frenchHolidays(y)
          .map((h) => `"${h}"`)
          .join(', '),
    );
  const text = `${shared.slice(0, start)}[\n${years.join(',\n')}\n${indent.slice(2)}${shared.slice(end)}`;
  // The demo shop writes its French as the elements' strings do, with ’: a page never mixes the two.
  return withWithdrawal(withContacts(text)).replace(
    /("fr": ")([^"]*)"/g,
    (_, key, value) => `${key}${value.replaceAll("'", '’')}"`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = new URL('demo/policy.json', root);
  const text = demoPolicy();
  if (process.argv.includes('--check')) {
    const same = readFileSync(target, 'utf8') === text;
    console.log(same ? 'demo/policy.json is up to date' : 'demo/policy.json differs: run node scripts/demo-policy.mjs');
    process.exit(same ? 0 : 1);
  }
  writeFileSync(target, text);
  console.log(`demo/policy.json: French public holidays to the end of ${LAST_YEAR}, and the withdrawal function`);
}
