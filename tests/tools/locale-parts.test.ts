/**
 * The strings in parts (scripts/locale-parts.mjs): a page loads the words of the elements it
 * shows. What must hold for a shopper never to see an English sentence, or a raw key, in a French
 * page: every word of a language file is in some part, and each element's parts carry every
 * group of words it uses.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PARTS, partOf } from '../../scripts/locale-parts.mjs';
import { ALL_PARTS, partsOf, shipped } from '../../src/elements/languages.js';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const locale = (lang: string) => JSON.parse(read(`locales/${lang}.json`)) as Record<string, unknown>;

describe('the parts of the strings', () => {
  it('are the same in the build plugin and in the elements, for every shipped language', () => {
    expect([...ALL_PARTS].sort()).toEqual(Object.keys(PARTS).sort());
    const files = readdirSync(new URL('locales/', root)).filter((f) => f.endsWith('.json'));
    expect(Object.keys(shipped).sort()).toEqual(files.map((f) => f.replace('.json', '')).sort());
    for (const parts of Object.values(shipped)) expect(Object.keys(parts).sort()).toEqual([...ALL_PARTS].sort());
  });

  it('hold every group of every language file, each part with the words all elements share', () => {
    for (const lang of Object.keys(shipped)) {
      const all = locale(lang);
      const covered = new Set(ALL_PARTS.flatMap((part) => Object.keys(partOf(all, part))));
      expect([...covered].sort(), lang).toEqual(Object.keys(all).sort());
      for (const part of ALL_PARTS) {
        const groups = Object.keys(partOf(all, part));
        expect(groups, `${lang}/${part}`).toEqual(expect.arrayContaining(['common', 'fallback', 'summary', 'kiosk']));
        // The part's own groups, whole, as in the file.
        for (const group of PARTS[part]) expect(partOf(all, part)[group], `${lang}/${part}`).toEqual(all[group]);
      }
      // A product page carries no words of an order's or of the withdrawal form.
      expect(Object.keys(partOf(all, 'product'))).not.toEqual(
        expect.arrayContaining(['returns', 'cancellation', 'withdrawal']),
      );
    }
  });

  it("carry every group each element uses: its t('group.key') calls and its section's", () => {
    const all = locale('en');
    const missing: string[] = [];
    for (const [tag, parts] of Object.entries(partsOf)) {
      const carried = new Set(parts.flatMap((part) => Object.keys(partOf(all, part))));
      const source = read(`src/elements/${tag}.ts`) + read('src/elements/policy-element.ts');
      const used = new Set([...source.matchAll(/\bt\(\s*['`]([A-Za-z]+)\./g)].map((m) => m[1]!));
      // The base element words a section's fallback ("fallback.delivery", "delivery.missing").
      const section = /override readonly section = '(\w+)'/.exec(read(`src/elements/${tag}.ts`))?.[1];
      if (section) used.add(section);
      for (const group of used) if (!carried.has(group)) missing.push(`${tag}: ${group}`);
      expect(used.size, tag).toBeGreaterThan(0);
    }
    // The summary and the kiosk show every section's element.
    for (const tag of ['policy-summary', 'policy-kiosk'])
      for (const inner of ['policy-delivery-window', 'policy-returns', 'policy-non-refundable', 'policy-cancellation'])
        for (const part of partsOf[inner]!)
          if (!partsOf[tag]!.includes(part)) missing.push(`${tag}: ${inner}'s ${part}`);
    expect(missing).toEqual([]);
  });
});
