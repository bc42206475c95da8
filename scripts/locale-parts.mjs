/**
 * Each language's strings in parts, so that a page loads the words of the elements it shows and
 * hardly any other: `import('policy-strings/fr/product')` is what a product page shows before purchase
 * (the delivery window, the items not taken back), `policy-strings/fr/order` what an order shows (returns,
 * cancellation), `policy-strings/fr/withdrawal` the withdrawal form's. Each part also carries the groups
 * no element owns alone (`common`, `fallback`, the summary's and the kiosk's few words, 0.5 KB):
 * every part is enough by itself, and a page that needs two gets those twice, which costs less
 * than a third file would (each file is compressed on its own). A page with everything fetches no
 * more than the whole file. Translators still edit one file per language; the parts are made from
 * it by every build and test run (rollup, web-test-runner, vitest), so what a test loads is what
 * a page loads.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The parts, and the groups of locales/*.json each one carries besides the shared ones. */
export const PARTS = {
  product: ['delivery', 'nonRefundable'],
  order: ['returns', 'cancellation'],
  withdrawal: ['withdrawal'],
};
const OWNED = Object.values(PARTS).flat();

const locales = fileURLToPath(new URL('../locales/', import.meta.url));
const SPECIFIER = /^policy-strings\/([a-z]{2,3}(?:-[A-Za-z0-9]+)*)\/([a-z]+)$/;
/** A part's module id: named for its language and part, as its chunk is (fr-product-[hash].js). */
const PREFIX = '\0strings/';

/** The part's strings: its own groups and every group no part owns. */
export function partOf(all, part) {
  const keep = (k) => PARTS[part].includes(k) || !OWNED.includes(k);
  return Object.fromEntries(
    Object.keys(all)
      .filter(keep)
      .map((k) => [k, all[k]]),
  );
}

export function localeParts() {
  return {
    name: 'locale-parts',
    // Before any resolver looks for a package of that name (Vite's).
    enforce: 'pre',
    resolveId(source) {
      const match = SPECIFIER.exec(source);
      if (!match) return null;
      if (!Object.hasOwn(PARTS, match[2])) this.error(`${source}: no such part (${Object.keys(PARTS).join(', ')})`);
      return `${PREFIX}${match[1]}-${match[2]}`;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const [, lang, part] = /^(.+)-([a-z]+)$/.exec(id.slice(PREFIX.length));
      const file = `${locales}${lang}.json`;
      this.addWatchFile?.(file);
      const strings = partOf(JSON.parse(readFileSync(file, 'utf8')), part);
      // JSON.parse of a string: parsed faster than the same object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(strings))});\n`;
    },
  };
}
