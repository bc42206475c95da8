/**
 * Each value of the format's closed lists (types.ts) that an element words has its words in every
 * language: a value added to a list without them would show shoppers a raw key such as
 * "nonRefundable.reasons.rental".
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CANCELLATION_CHANNELS,
  NON_REFUNDABLE_REASONS,
  REFUND_METHODS,
  RETURN_CHANNELS,
  RETURN_CONDITIONS,
  SLOT_ANNOUNCEMENTS,
} from '../../src/core/types.js';

const localesDir = new URL('../../locales/', import.meta.url);
const languages = readdirSync(localesDir).filter((f) => /^[a-z]{2}\.json$/.test(f));

/** The key an element looks a value up by. */
const KEYS: [list: readonly string[], key: (value: string) => string][] = [
  [SLOT_ANNOUNCEMENTS, (v) => `delivery.announced_${v}`],
  [RETURN_CHANNELS, (v) => `returns.method_${v}`],
  [RETURN_CONDITIONS, (v) => `returns.condition_${v}`],
  [REFUND_METHODS, (v) => `returns.refund_${v}`],
  [NON_REFUNDABLE_REASONS, (v) => `nonRefundable.reasons.${v}`],
  [CANCELLATION_CHANNELS, (v) => `cancellation.channel_${v}`],
];

const lookup = (strings: unknown, key: string) =>
  key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], strings);

describe('every value of a closed list has its words in every language', () => {
  it('fr, es and en at least', () =>
    expect(languages).toEqual(expect.arrayContaining(['en.json', 'es.json', 'fr.json'])));

  for (const file of languages) {
    it(file, () => {
      const strings: unknown = JSON.parse(readFileSync(new URL(file, localesDir), 'utf8'));
      const missing = KEYS.flatMap(([list, key]) => list.map(key)).filter((k) => {
        const s = lookup(strings, k);
        return !(typeof s === 'string' && s.trim());
      });
      expect(missing).toEqual([]);
    });
  }
});
