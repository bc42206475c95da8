#!/usr/bin/env node
/**
 * The demo pages, as a shopper's browser shows them, in headless Chromium with the built bundle:
 * - accessibility: each shop page in fr, es and en (the tools pages in English) checked by axe-core
 *   against WCAG 2.2 A and AA once every element has rendered, and the shop's own French words
 *   marked lang="fr" whatever the language chosen (axe cannot tell a text's language);
 * - behaviour: the policy checker (a syntax error, a wrong value, markup, a warning), the
 *   translators' preview (the checker's findings, the English shown for an empty French
 *   sentence), and the kiosk reloaded with the server stopped (its service worker).
 * One line per page and language, and per behaviour; the closing line `N passed, M failed`, and
 * the exit code 1 when anything failed.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { launchChromium, withServer } from './browser.mjs';
import { serve } from './serve.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const LANGUAGES = ['fr', 'es', 'en'];
/** Each page, in the languages it is shown in (the policy checker is one English page showing all three). */
const PAGES = [
  ...[
    '/demo/',
    '/demo/checkout.html',
    '/demo/order.html',
    '/demo/themes.html',
    '/demo/kiosk.html',
    '/demo/strict.html',
  ].map((p) => [p, LANGUAGES]),
  ['/demo/check.html', ['en']],
  ['/demo/translations.html', ['en']],
];

/** True once every policy element, nested ones included, shows its policy or its fallback. */
function rendered() {
  // An element whose policy the server holds back on purpose (the translators' preview shows the
  // loading state that way) is done once it shows it: waiting would only race its 10 s fetch limit.
  const held = (e) => e.getAttribute('src')?.startsWith('/__slow') && e.shadowRoot?.querySelector('[part~="loading"]');
  const pending = (root) =>
    [...root.querySelectorAll('*')].some(
      (e) =>
        e.tagName.startsWith('POLICY-') &&
        !held(e) &&
        (!e.shadowRoot || e.shadowRoot.querySelector('[part~="loading"]') || pending(e.shadowRoot)),
    );
  return !pending(document);
}

/**
 * The counter tablet with the network gone: loaded once with a connection, then the server is
 * stopped and the page reloaded, as a tablet restarted in a shop whose connection is down.
 */
async function kioskOffline(browser) {
  const server = await serve(0);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const page = await browser.newPage();
  const results = [];
  try {
    await page.goto(`${origin}/demo/kiosk.html`, { waitUntil: 'load' });
    await page.waitForFunction(rendered, { timeout: 10_000 });
    // Controlled by the service worker, and the files kept; else this is a failure, not a hang.
    const kept = await page.evaluate(async () => {
      for (const until = Date.now() + 10_000; Date.now() < until; await new Promise((r) => setTimeout(r, 50))) {
        if (navigator.serviceWorker?.controller && (await caches.match('policy.json'))) return true;
      }
      return false;
    });
    if (!kept) {
      await page.close();
      return [
        [
          'kiosk: a service worker keeps the page, the bundle and the policy',
          false,
          'no service worker in control after 10 s',
        ],
      ];
    }
  } finally {
    server.closeAllConnections();
    server.close();
  }
  const shown = () =>
    page.evaluate(() => {
      const kiosk = document.querySelector('policy-kiosk');
      const summary = kiosk?.shadowRoot?.querySelector('policy-summary');
      const window = summary?.shadowRoot
        ?.querySelector('policy-delivery-window')
        ?.shadowRoot?.querySelector('[part~="window"]');
      return {
        lang: kiosk?.shadowRoot?.querySelector('[part=content]')?.lang,
        window: window?.textContent ?? '',
        fallback: !!kiosk?.shadowRoot?.querySelector('[part~="fallback"]'),
      };
    });
  try {
    const reloaded = await page.reload({ waitUntil: 'load' }).then(
      () => true,
      (e) => e.message,
    );
    if (reloaded === true) await page.waitForFunction(rendered, { timeout: 10_000 });
    let s = reloaded === true ? await shown() : { error: reloaded };
    results.push([
      'kiosk, server gone, page reloaded: the policy shown (service worker)',
      !s.fallback && s.lang === 'fr' && /^Livraison estimée/.test(s.window ?? ''),
      JSON.stringify(s),
    ]);
    if (reloaded === true) {
      await page.evaluate(() =>
        document.querySelector('policy-kiosk').shadowRoot.querySelector('button[lang="es"]').click(),
      );
      await page.waitForFunction(rendered, { timeout: 10_000 });
      s = await shown();
      results.push([
        'kiosk offline: a tap on ES shows Spanish',
        s.lang === 'es' && /^Entrega estimada/.test(s.window),
        JSON.stringify(s),
      ]);
    }
  } finally {
    await page.close();
  }
  return results;
}

/** The translators' preview tells what the checker finds: for the real files, and for broken ones. */
async function translatorsPreview(browser) {
  const results = [];
  const look = async (locales) => {
    const server = await serve(0, locales ? { locales } : {});
    const page = await browser.newPage();
    try {
      await page.goto(`http://127.0.0.1:${server.address().port}/demo/translations.html`, { waitUntil: 'load' });
      await page.waitForFunction(() => document.querySelector('#findings p'), { timeout: 10_000 });
      await page.waitForFunction(rendered, { timeout: 10_000 });
      return await page.evaluate(() => {
        // The first row: before the cutoff, free delivery; its French cell.
        const row = [...document.querySelectorAll('tr')].find((tr) =>
          tr.querySelector('th')?.textContent.startsWith('before the cutoff'),
        );
        const free = row?.cells[1]?.firstElementChild?.shadowRoot?.textContent.trim();
        return {
          verdict: document.querySelector('#findings p').textContent,
          lines: [...document.querySelectorAll('#findings li')].map((li) => li.textContent),
          free,
        };
      });
    } finally {
      await page.close();
      server.closeAllConnections();
      server.close();
    }
  };
  let s = await look();
  results.push([
    'the real locale files: "no problem found"',
    /^en\.json, es\.json, fr\.json: no problem found\.$/.test(s.verdict),
    JSON.stringify(s),
  ]);
  // A translator's working copy with two French sentences emptied.
  const copy = mkdtempSync(join(tmpdir(), 'locales-'));
  cpSync(new URL('../locales', import.meta.url).pathname, copy, { recursive: true });
  const fr = JSON.parse(readFileSync(join(copy, 'fr.json'), 'utf8'));
  fr.delivery.free = '';
  fr.common.loading = ' ';
  writeFileSync(join(copy, 'fr.json'), JSON.stringify(fr, null, 2));
  s = await look(copy);
  results.push([
    'two empty French sentences: both named with file, key and fix; the French column shows the English, never a raw key',
    s.verdict.startsWith('2 errors, 0 warnings') &&
      s.lines.includes('fr.json  delivery.free  error  empty value: write the text, or remove the key') &&
      s.lines.includes('fr.json  common.loading  error  empty value: write the text, or remove the key') &&
      // English's "free" after the method's name ("Livraison standard · free"), never the key.
      /·\s*free\b/.test(s.free) &&
      !/delivery\.free/.test(s.free),
    JSON.stringify(s),
  ]);
  return results;
}

/** What a merchant does on the policy checker page, and what they must see. */
async function policyCheckerBehaviour(browser, origin) {
  const page = await browser.newPage();
  await page.goto(`${origin}/demo/check.html`, { waitUntil: 'load' });
  await page.waitForFunction(rendered, { timeout: 10_000 });
  const results = [];
  const state = () =>
    page.evaluate(() => ({
      verdict: document.querySelector('#result p')?.textContent ?? '',
      findings: [...document.querySelectorAll('#result li')].map((li) => li.textContent),
      preview: !document.getElementById('preview').hidden,
      languages: [...document.querySelectorAll('#preview policy-summary')].map(
        (s) => s.shadowRoot?.querySelector('[part=content]')?.lang,
      ),
    }));
  const type = async (text) => {
    await page.$eval('#source', (el, text) => ((el.value = text), el.dispatchEvent(new Event('input'))), text);
    // The page checks 250 ms after the last keystroke.
    await new Promise((r) => setTimeout(r, 600));
    await page.waitForFunction(rendered, { timeout: 10_000 });
    return state();
  };
  let s = await state();
  results.push([
    'the demo policy: valid, shown in fr, es and en',
    s.verdict.startsWith('Valid') && s.preview && s.languages.join() === 'fr,es,en',
    JSON.stringify(s),
  ]);
  s = await type('{\n  "version": 1,\n  "merchant": { "timeZone": "Europe/Paris", },\n}');
  results.push([
    'a JSON syntax error: its line and column, no preview',
    !s.preview &&
      s.verdict.startsWith('Not valid') &&
      /^Error, line 3, column 45 \(the whole file\) The file is not valid JSON/.test(s.findings[0] ?? ''),
    JSON.stringify(s),
  ]);
  s = await type('{\n  "version": 1,\n  "merchant": {\n    "timeZone": "Europe/Pariss"\n  }\n}');
  results.push([
    'a wrong value: its line, column, path and message',
    /^Error, line 4, column 17 \/merchant\/timeZone Must be an IANA time zone/.test(s.findings[0] ?? ''),
    JSON.stringify(s),
  ]);
  s = await type('{"version": 1, "merchant": {"timeZone": "<img src=x onerror=alert(1)>"}}');
  const markup = await page.evaluate(() => document.querySelectorAll('#result img').length);
  results.push([
    'markup in the policy is shown as text, never as HTML',
    markup === 0 && s.findings.some((f) => f.includes('"<img src=x')),
    JSON.stringify({ s, markup }),
  ]);
  s = await type('{"version": 1, "merchant": {"timeZone": "UTC", "nmae": "Shop"}, "returns": {"windowDays": 14}}');
  results.push([
    'an unknown field is an error, as on the command line, and the preview shows what the elements would',
    s.verdict.startsWith('Not valid: 1 problem to fix. The elements would ignore') &&
      s.preview &&
      s.findings.some((f) => f.startsWith('Error, line 1, column 48 /merchant/nmae Unknown field "nmae"')),
    JSON.stringify(s),
  ]);
  // A holiday far ahead: the page checks as of today, and a list that has run out would warn too.
  s = await type(
    '{"version": 1, "merchant": {"timeZone": "UTC"}, "calendar": {"holidays": ["2999-12-25", "2999-12-25"]}, "returns": {"windowDays": 14}}',
  );
  results.push([
    'a valid policy with a warning (a holiday listed twice): both said, and the preview shown',
    s.verdict.startsWith('Valid, with 1 warning') &&
      s.preview &&
      s.findings.some((f) => f.startsWith('Warning, line 1, column 89 /calendar/holidays/1')),
    JSON.stringify(s),
  ]);
  await page.close();
  return results;
}

/** axe's violations on one page in one language, and French text not marked so; a page that cannot be checked is one too. */
async function pageViolations(browser, origin, path, lang) {
  const page = await browser.newPage();
  try {
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
    // Language of parts (WCAG 3.1.2): the shop's own French words keep lang="fr" whatever the
    // language chosen for the policies; axe cannot tell which language a text is in.
    const mislabelled = await page.evaluate(() => {
      if (!document.querySelector('script[src$="demo.js"]')) return [];
      const out = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!n.data.trim() || el.closest('script, style') || /^policy-/.test(el.closest('[lang]')?.localName ?? ''))
          continue;
        let inPolicy = false;
        for (let e = el; e; e = e.parentElement) inPolicy ||= e.localName.startsWith('policy-');
        if (!inPolicy && el.closest('[lang]').lang !== 'fr' && !el.closest('[data-lang]'))
          out.push(n.data.trim().slice(0, 40));
      }
      return out;
    });
    if (mislabelled.length)
      violations.push(`French text not marked lang="fr": ${mislabelled.map((t) => JSON.stringify(t)).join(', ')}`);
    return violations;
  } catch (e) {
    return [`could not be checked: ${e.message}`];
  } finally {
    await page.close();
  }
}

let passed = 0;
let failed = 0;
await withServer(async (origin) => {
  const browser = await launchChromium();
  try {
    for (const [path, languages] of PAGES) {
      for (const lang of languages) {
        const violations = await pageViolations(browser, origin, path, lang);
        if (violations.length) {
          failed++;
          console.log(`✗ ${path} ${lang}: ${violations.length} violation(s)\n    ${violations.join('\n    ')}`);
        } else {
          passed++;
          console.log(`✓ ${path} ${lang}: 0 violations`);
        }
      }
    }
    // What people do on three pages, beyond what axe sees.
    const tried = (run) => run().catch((e) => [['ran to the end', false, e.message]]);
    const behaviours = [
      ['/demo/check.html', await tried(() => policyCheckerBehaviour(browser, origin))],
      ['/demo/translations.html', await tried(() => translatorsPreview(browser))],
      ['/demo/kiosk.html', await tried(() => kioskOffline(browser))],
    ];
    for (const [path, results] of behaviours) {
      for (const [name, ok, detail] of results) {
        if (ok) passed++;
        else failed++;
        console.log(`${ok ? '✓' : '✗'} ${path}: ${name}${ok ? '' : `\n    ${detail}`}`);
      }
    }
  } finally {
    await browser.close();
  }
});
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
