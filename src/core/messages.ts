/**
 * The words of the policy check: each problem parse.ts finds, as the sentence a merchant reads,
 * and the "did you mean" hints for misspelt fields. Apart from the check, which decides valid or
 * invalid without them: a page loads this module only for a policy that has problems (the
 * elements import it dynamically, a chunk of its own), and the core's entry imports it, so that
 * `checkPolicy`, `parsePolicy` and the functions that parse for them say everything as ever.
 * Loading it registers it with parse.ts.
 */
import { MAX_ITEMS, useWords, type Problem } from './parse.js';
import { RETURN_FEES } from './types.js';

/** `"a", "b", "c"`, for the messages. */
const quoted = (values: readonly string[]) => values.map((x) => `"${x}"`).join(', ');

/** The known key nearest to a misspelt one, for "did you mean" hints. */
function nearest(key: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    // Lengths 3 apart are 3 edits apart at least: no hint, and no work on a megabyte-long key.
    if (Math.abs(k.length - key.length) >= bestDistance) continue;
    const d = distance(key.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
}

function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
}

/** What a whole number counts, for `int`. */
const WHOLE = {
  days: 'a whole number of days',
  hours: 'a whole number of hours',
  percentage: 'a whole percentage',
};

/** What a string must look like, for `pattern`. */
const PATTERN = {
  time: 'a time written HH:MM, from "00:00" to "23:59"',
  date: 'a real date written YYYY-MM-DD, in the years 1000 to 9999',
  currency: 'an ISO 4217 currency code in capitals, such as "EUR"',
  country: 'an ISO 3166-1 country code in capitals, such as "FR"',
  phone: 'a phone number of digits, spaces, "+", "-", ".", "(" and ")", such as "+33 1 23 45 67 89"',
  methodId: 'an id of lower-case letters, digits and dashes, such as "standard"',
  nonRefundableId: 'an id of lower-case letters, digits and dashes, such as "hygiene"',
};

/** Each problem's sentence, by its code, from the details parse.ts gives. */
const SAY = {
  // Errors.
  int: (what: keyof typeof WHOLE, min: number, max: number) => `Must be ${WHOLE[what]} from ${min} to ${max}`,
  pattern: (what: keyof typeof PATTERN) => `Must be ${PATTERN[what]}`,
  oneOf: (values: readonly string[]) => `Must be one of ${quoted(values)}`,
  notCountry: (code: string, instead: string | undefined) =>
    `"${code}" is not an ISO 3166-1 country code${instead ? `: use "${instead}"` : ' (a reserved, former or group code); list the countries themselves'}`,
  timeZone: () => 'Must be an IANA time zone, such as "Europe/Paris"',
  httpUrl: () => 'Must be a full http:// or https:// address',
  secureUrl: () => 'Must be a full https:// address (http:// only for localhost, in development)',
  email: () => 'Must be an e-mail address such as "service@shop.example"',
  direction: (open: string) =>
    `Has a direction control (${open}) that is never closed, which would turn the words shown after it around: close it with U+202C (U+2069 for an isolate), or remove it`,
  empty: () => 'Must not be empty',
  text: () => 'Must be a string, or an object of strings keyed by language such as {"fr": "…", "en": "…"}',
  noLanguage: () => 'Needs at least one language, such as {"en": "…"}',
  languageTag: (key: string) => `"${key}" is not a language tag; use a code such as "fr", "es" or "en"`,
  nonEmptyString: () => 'Must be a non-empty string',
  list: () => 'Must be a list ([…])',
  tooMany: (found: string) =>
    `Must not have more than ${MAX_ITEMS.toLocaleString('en')} items, more than a 1 MB policy file can hold (found ${found})`,
  emptyList: () => 'Must not be an empty list',
  hole: () => 'Must not have an empty slot: a list from a program had a hole here',
  twice: (item: string) => `${item} is listed twice`,
  object: () => 'Must be an object ({…})',
  required: (key: string) => `Required field "${key}" is missing`,
  lessThanMin: (min: number) => `Must not be less than min (${min})`,
  amount: () => 'Must be a number of 0 or more',
  laterThanFrom: (from: string) => `Must be later than "from" (${from})`,
  idTwice: (id: string) => `The id "${id}" is used twice; ids must be unique`,
  schema: () => 'Must be the address of the JSON Schema',
  version: () => 'Must be 1: this reader knows version 1 of the policy format',
  fees: () => `Must be ${quoted(RETURN_FEES)} or an amount such as {"amount": 5, "currency": "EUR"}`,
  freeBoth: () => 'Must have "until" or "withinHours", not both',
  free: () => 'Must be {"until": "shipment"} or {"withinHours": N}',
  unreadable: (why: string) => `The policy could not be read: ${why}`,
  json: (why: string) => `The file is not valid JSON: ${why}`,
  // Warnings.
  twiceIgnored: (item: string) => `${item} is listed twice; the copy is ignored.`,
  unknown: (key: string, known: string[]) => {
    const hint = nearest(key, known);
    return `Unknown field "${key}" is ignored${hint ? `; did you mean "${hint}"?` : '.'}`;
  },
  emptyNonRefundable: () =>
    'The list is empty, so shoppers are told it is not stated: list the items, or remove the section.',
  emptyCancellation: () => 'The section is empty, so shoppers are told it is not stated: fill it in, or remove it.',
  emptyWithdrawal: () =>
    'The section is empty: give the endpoint and e-mail address of your withdrawal function, or remove it.',
  /** A warning already in words (those that depend on the date, which parse.ts words itself). */
  said: (message: string) => message,
};

type Sayings = typeof SAY;

/** A problem's code and details: `['required', 'timeZone']`, typed by the sentence it makes. */
export type Say = { [C in keyof Sayings]: [C, ...Parameters<Sayings[C]>] }[keyof Sayings];

/** A problem as a sentence: ended by a full stop, with the value found when there is one. */
export function wordsFor({ say: [code, ...details], found }: Problem): string {
  const message = (SAY[code] as (...details: unknown[]) => string)(...details);
  return found === undefined ? (/[.?!]$/.test(message) ? message : `${message}.`) : `${message} (found ${found}).`;
}

useWords(wordsFor);
