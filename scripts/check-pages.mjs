#!/usr/bin/env node
/**
 * Accessibility of the demo pages, as a shopper's browser shows them: each page in fr, es and en
 * in headless Chromium with the built bundle, checked by axe-core against WCAG 2.2 A and AA once
 * every element has rendered. One line per page and language; the closing line
 * `N passed, M failed` counts pages, and the exit code is 1 when any has a violation.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launchChromium, withServer } from './browser.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PAGES = ['/demo/', '/demo/checkout.html', '/demo/order.html', '/demo/themes.html', '/demo/kiosk.html', '/demo/strict.html'];
const LANGUAGES = ['fr', 'es', 'en'];

/** True once every policy element, nested ones included, shows its policy or its fallback. */
function rendered() {
  const pending = (root) =>
    [...root.querySelectorAll('*')].some(
      (e) => e.tagName.startsWith('POLICY-') && (!e.shadowRoot || e.shadowRoot.querySelector('[part~="loading"]') || pending(e.shadowRoot)),
    );
  return !pending(document);
}

let passed = 0;
let failed = 0;
await withServer(async (origin) => {
  const browser = await launchChromium();
  try {
    for (const path of PAGES) {
      for (const lang of LANGUAGES) {
        const page = await browser.newPage();
        await page.goto(`${origin}${path}?lang=${lang}`, { waitUntil: 'load' });
        // The page's own language switch is not run on every page: set the language as it would.
        await page.evaluate((lang) => (document.documentElement.lang = lang), lang);
        await page.waitForFunction(rendered, { timeout: 10_000 });
        // Evaluated through DevTools: a page's CSP does not apply, so the strict page is checked too.
        await page.evaluate(axeSource);
        const violations = await page.evaluate(async () => {
          const { violations } = await window.axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
          });
          return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`);
        });
        if (violations.length) {
          failed++;
          console.log(`✗ ${path} ${lang}: ${violations.length} violation(s)\n    ${violations.join('\n    ')}`);
        } else {
          passed++;
          console.log(`✓ ${path} ${lang}: 0 violations`);
        }
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
});
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
