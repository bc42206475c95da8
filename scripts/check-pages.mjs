#!/usr/bin/env node
/**
 * The demo pages, as a shopper's browser shows them, in headless Chromium with the built bundle:
 * - accessibility: each shop page in fr, es and en (the tools pages in English) checked by axe-core
 *   against WCAG 2.2 A and AA once every element has rendered, and the shop pages' own words all in
 *   the language chosen (demo.js warns of any it cannot translate; axe cannot tell a text's language);
 * - behaviour: the shop pages (the language switch translates the page; the cart's conditions
 *   before its button at 390 px; the confirmation's contact links; strict.html?lang=es), the policy
 *   checker (a syntax error said once, an empty box, a click that selects an error's line, a wrong
 *   value, markup, a warning, the EU consumer-law warnings of a country picked), the translators'
 *   preview (the checker's findings, the English shown for an empty French sentence, dates from
 *   today with no placeholder, tables that scroll sideways on a phone), the kiosk reloaded with the server stopped (its service worker),
 *   and the server-rendered pages (the product page's dates with JavaScript off; with it on, the
 *   elements' own render in place of the server's with the same dates, no text twice, CLS 0; the
 *   e-mail preview valid, with no script, custom element or style sheet).
 * One line per page and language, and per behaviour; the closing line `N passed, M failed`, and
 * the exit code 1 when anything failed.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { HtmlValidate } from 'html-validate';
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
  // Rendered per request by the demo server (scripts/ssr-pages.mjs).
  ['/demo/index-ssr.html', LANGUAGES],
  ['/demo/email.html', LANGUAGES],
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
        (!e.shadowRoot ||
          e.shadowRoot.querySelector('[part~="loading"]') ||
          // Its strings still on their way: an empty content, no placeholder either.
          !e.shadowRoot.textContent.trim() ||
          pending(e.shadowRoot)),
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
      const result = await page.evaluate(() => {
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
      // Every date with a year the French column shows (cells and elements), and "0 à 0"-like placeholders.
      const text = await page.evaluate(`(${allText})()`);
      const months = [
        'janvier',
        'février',
        'mars',
        'avril',
        'mai',
        'juin',
        'juillet',
        'août',
        'septembre',
        'octobre',
        'novembre',
        'décembre',
      ];
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
      const dates = [...text.matchAll(new RegExp(`\\b(\\d{1,2}) (${months.join('|')}) (\\d{4})\\b`, 'g'))].map(
        ([, d, m, y]) => `${y}-${String(months.indexOf(m) + 1).padStart(2, '0')}-${d.padStart(2, '0')}`,
      );
      return {
        ...result,
        today,
        past: [...new Set(dates.filter((d) => d < today))],
        dated: dates.length,
        // A value left as 0 where a date, time or zone goes ("jusqu’au 0 à 0 (0)"), or a raw {{name}}.
        placeholders: [...new Set(text.match(/jusqu’au 0\b[^.]*|\b0 \(0\)|\{\{\w+\}\}/g) ?? [])],
      };
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
  results.push([
    'dates taken from today: no date before today, no "0 à 0 (0)" placeholder',
    s.dated > 0 && !s.past.length && !s.placeholders.length,
    JSON.stringify({ today: s.today, dated: s.dated, past: s.past, placeholders: s.placeholders }),
  ]);
  // A phone: the tables scroll sideways in their boxes; the page itself does not, and words stay whole.
  {
    const server = await serve(0);
    const page = await browser.newPage();
    try {
      await page.setViewport({ width: 390, height: 844 });
      await page.goto(`http://127.0.0.1:${server.address().port}/demo/translations.html`, { waitUntil: 'load' });
      await page.waitForFunction(() => document.querySelector('.scroll'), { timeout: 10_000 });
      await page.waitForFunction(rendered, { timeout: 10_000 });
      const phone = await page.evaluate(() => {
        const boxes = [...document.querySelectorAll('.scroll')];
        // A word broken across lines: a cell's text whose longest word is wider than the cell.
        const narrow = [...document.querySelectorAll('th')].filter((th) => th.scrollWidth > th.clientWidth + 1).length;
        return {
          page: document.scrollingElement.scrollWidth,
          boxes: boxes.length,
          scrolling: boxes.filter((b) => b.scrollWidth > b.clientWidth).length,
          narrowest: Math.min(...[...document.querySelectorAll('td')].map((td) => td.clientWidth)),
          narrow,
        };
      });
      results.push([
        'on a 390 px phone: each table scrolls sideways in its box, its columns wide enough for whole words',
        phone.page <= 390 &&
          phone.boxes > 0 &&
          phone.scrolling === phone.boxes &&
          phone.narrowest >= 150 &&
          !phone.narrow,
        JSON.stringify(phone),
      ]);
    } finally {
      await page.close();
      server.closeAllConnections();
      server.close();
    }
  }
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

/** Every text of the page, the elements' shadow roots included (and theirs, nested). */
function allText() {
  const texts = [];
  const walk = (root) => {
    const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) if (!n.parentElement?.closest('style, script')) texts.push(n.data);
    for (const e of root.querySelectorAll('*')) if (e.shadowRoot) walk(e.shadowRoot);
  };
  walk(document.body);
  return texts.join(' ').replace(/\s+/g, ' ');
}

/** The shop pages as a retailer tries them: the switch, the cart on a phone, the contact details, the strict page's ?lang. */
async function shopPages(browser, origin) {
  const results = [];
  const page = await browser.newPage();
  const heading = () =>
    page.evaluate(() => ({
      lang: document.documentElement.lang,
      title: document.title,
      h1: document.querySelector('h1').textContent.replace(/\s+/g, ' ').trim(),
      button: document.querySelector('.buy .button').textContent.trim(),
      footer: document.querySelector('.site-footer p').textContent.replace(/\s+/g, ' ').trim(),
    }));
  try {
    await page.goto(`${origin}/demo/`, { waitUntil: 'load' });
    await page.waitForFunction(rendered, { timeout: 10_000 });
    const seen = {};
    for (const lang of ['es', 'en', 'fr']) {
      await page.click(`.languages [data-lang="${lang}"]`);
      seen[lang] = await heading();
    }
    results.push([
      'the FR · ES · EN switch translates the page itself: heading, button, footer, title',
      seen.es.lang === 'es' &&
        seen.es.h1 === 'Silla de ducha giratoria «Sereno»' &&
        seen.es.button === 'Añadir a la cesta' &&
        seen.es.footer.includes('Atención al cliente') &&
        seen.es.title.startsWith('Silla de ducha') &&
        seen.en.h1 === '“Sereno” swivel shower chair' &&
        seen.en.button === 'Add to cart' &&
        seen.en.footer.includes('Customer service') &&
        seen.fr.h1 === 'Chaise de douche pivotante « Sereno »' &&
        seen.fr.button === 'Ajouter au panier',
      JSON.stringify(seen),
    ]);

    // The cart on a phone: our conditions before the button that places the order.
    const layout = async (width) => {
      await page.setViewport({ width, height: 844 });
      await page.goto(`${origin}/demo/checkout.html`, { waitUntil: 'load' });
      await page.waitForFunction(rendered, { timeout: 10_000 });
      return page.evaluate(() => {
        const box = (e) => e.getBoundingClientRect().toJSON();
        return {
          conditions: box(document.querySelector('.checkout-aside')),
          button: box(document.querySelector('button[type=submit]')),
          scrollWidth: document.scrollingElement.scrollWidth,
        };
      });
    };
    const phone = await layout(390);
    results.push([
      'checkout at 390 px: the policies come before "Valider ma commande", with no sideways scroll',
      phone.conditions.bottom <= phone.button.top && phone.scrollWidth <= 390,
      JSON.stringify(phone),
    ]);
    const wide = await layout(1000);
    results.push([
      'checkout at 1000 px: the policies in a column beside the cart and the button',
      wide.conditions.left >= wide.button.right && wide.conditions.top < wide.button.top,
      JSON.stringify(wide),
    ]);
    await page.setViewport({ width: 1000, height: 720 });

    // The confirmation: each way to cancel, with the link, number or address to use it.
    for (const lang of ['fr', 'es']) {
      await page.goto(`${origin}/demo/order.html?lang=${lang}`, { waitUntil: 'load' });
      await page.waitForFunction(rendered, { timeout: 10_000 });
      const contact = await page.evaluate(() => {
        const shown = (e) => !!e && e.getBoundingClientRect().height > 0;
        // The links come from the policy (merchant.contact, cancellation.url), in the element's list.
        const element = document.querySelector('policy-cancellation').shadowRoot;
        const link = (sel) => {
          const a = element.querySelector(`[part~="contacts"] a[href^="${sel}"]`);
          return shown(a) ? `${a.getAttribute('href')} ${a.textContent}` : null;
        };
        return {
          phone: link('tel:'),
          online: link('https://'),
          email: link('mailto:'),
          address: [...document.querySelectorAll('.contact li')]
            .map((li) => li.textContent)
            .find((t) => /69002 Lyon/.test(t)),
        };
      });
      results.push([
        `order.html (${lang}): the cancellation channels with a phone link, a URL, an e-mail address and the shop's address`,
        /^tel:\+33199004816 (01|\+33)[\s\u00a0]/.test(contact.phone ?? '') &&
          /^https:\/\/maison-dupont\.example\//.test(contact.online ?? '') &&
          /^mailto:service@maison-dupont\.example /.test(contact.email ?? '') &&
          !!contact.address,
        JSON.stringify(contact),
      ]);
    }

    // The strict page takes ?lang= too (from its own script file: it allows no inline script).
    await page.goto(`${origin}/demo/strict.html?lang=es`, { waitUntil: 'load' });
    await page.waitForFunction(rendered, { timeout: 10_000 });
    const strict = await page.evaluate(() => {
      const window = document.querySelector('policy-delivery-window');
      return {
        lang: document.documentElement.lang,
        h1: document.querySelector('h1').textContent.trim(),
        element: window.shadowRoot?.querySelector('[lang]')?.lang ?? window.shadowRoot?.host.closest('[lang]')?.lang,
        text: window.shadowRoot?.textContent.replace(/\s+/g, ' ').trim().slice(0, 80),
        report: document.getElementById('csp-report').textContent,
      };
    });
    results.push([
      'strict.html?lang=es: the page and the elements in Spanish, no CSP violation',
      strict.lang === 'es' &&
        strict.element === 'es' &&
        /^Nuestras condiciones/.test(strict.h1) &&
        /\b(entrega|envío)\b/i.test(strict.text ?? '') &&
        strict.report.startsWith('Ninguna infracción'),
      JSON.stringify(strict),
    ]);
  } finally {
    await page.close();
  }
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
  results.push([
    'a JSON syntax error states its position once',
    (s.findings[0]?.match(/line \d+|position \d+/g) ?? []).length === 1,
    JSON.stringify(s),
  ]);
  s = await type('');
  results.push([
    'an empty box: "Paste a policy", not a parser error',
    /^Paste a policy/.test(s.verdict) && !/Unexpected|JSON input/.test(JSON.stringify(s)) && !s.preview,
    JSON.stringify(s),
  ]);
  // A wrong value far down the demo policy: a click on its place selects its line, scrolled into view.
  const demo = await (await fetch(`${origin}/demo/policy.json`)).text();
  const broken = demo.replace(/"noticeDays": 0/, '"noticeDays": -1');
  s = await type(broken);
  const line = Number(/line (\d+)/.exec(s.findings[0] ?? '')?.[1]);
  await page.click('#result li button');
  const picked = await page.evaluate(() => {
    const box = document.getElementById('source');
    const height = parseFloat(getComputedStyle(box).lineHeight);
    return {
      selected: box.value.slice(box.selectionStart, box.selectionEnd),
      focused: document.activeElement === box,
      top: box.scrollTop / height + 1,
      bottom: (box.scrollTop + box.clientHeight) / height,
      gutter: document.getElementById('gutter').textContent.split('\n').slice(0, 3),
    };
  });
  results.push([
    'a click on an error selects its line in the box and scrolls to it; line numbers beside the text',
    line > 30 &&
      picked.focused &&
      picked.selected === broken.split('\n')[line - 1] &&
      picked.selected.includes('"noticeDays": -1') &&
      picked.top <= line &&
      line <= picked.bottom &&
      picked.gutter.join() === '1,2,3',
    JSON.stringify({ line, picked }),
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
  // The country picker: EU consumer law for distance sales, as check --country gives it.
  await type(
    '{\n  "version": 1,\n  "merchant": { "timeZone": "Europe/Paris" },\n  "returns": { "windowDays": 7, "fees": "free" }\n}',
  );
  await page.select('#country', 'FR');
  s = await state();
  results.push([
    'a country picked: EU consumer-law warnings at their line, citing their rule (a 7-day window, French law)',
    s.verdict.startsWith('Valid, with') &&
      s.findings.some(
        (f) =>
          f.startsWith('Warning, line 4, column 30 /returns/windowDays The return window is 7 days') &&
          f.includes('Code de la consommation L221-18'),
      ),
    JSON.stringify(s),
  ]);
  await page.select('#country', '');
  s = await state();
  results.push([
    'no country picked: the format alone, no legal warning',
    s.verdict.startsWith('Valid. Below') && s.findings.length === 0,
    JSON.stringify(s),
  ]);
  await page.close();
  return results;
}

/**
 * Before any script, the product page's layout shifts and, on every frame, whether any policy
 * element (nested ones too) shows two contents at once: the server's and its own.
 */
function watchServerRendered() {
  window.__shifts = 0;
  window.__doubled = [];
  window.__placeholders = [];
  // The server's content nodes, marked once parsed, before any module script runs (they run
  // after "interactive"): an element that took them over keeps them; one that replaced them not.
  document.addEventListener('readystatechange', () => {
    if (document.readyState !== 'interactive') return;
    const mark = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (!el.shadowRoot) continue;
        for (const c of el.shadowRoot.children) if (c.matches('[part~="content"]')) c.__server = true;
        mark(el.shadowRoot);
      }
    };
    mark(document);
  });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  const frame = () => {
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (!el.shadowRoot) continue;
        // :scope matches nothing in a shadow root: its children are read instead.
        const shown = [...el.shadowRoot.children].filter((c) => c.matches('[part~="content"]:not([hidden])')).length;
        if (shown > 1 && !window.__doubled.includes(el.localName)) window.__doubled.push(el.localName);
        // A placeholder ("Chargement…") over dates the shopper could already read, in any frame.
        if (el.shadowRoot.querySelector('[part~="loading"]') && !window.__placeholders.includes(el.localName))
          window.__placeholders.push(el.localName);
        walk(el.shadowRoot);
      }
    };
    walk(document);
    if (!window.__stopWatching) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/**
 * What the product page's policy elements show: for each (nested ones too), its tag, its shadow
 * root's text, the dates it shows and its contents shown; and whether any element is defined.
 */
function policyShown() {
  const found = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (!el.localName.startsWith('policy-')) continue;
      const shadow = el.shadowRoot;
      const children = [...(shadow?.children ?? [])];
      found.push({
        tag: el.localName,
        text: (shadow?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        dates: children.filter((c) => !c.hidden).flatMap((c) => [...c.querySelectorAll('time')].map((t) => t.dateTime)),
        shown: children.filter((c) => c.matches('[part~="content"]:not([hidden])')).length,
        loading: !!shadow?.querySelector('[part~="loading"]:not([hidden] *)'),
        styles: children.filter((c) => c.localName === 'style').length,
        height: el.getBoundingClientRect().height,
        // The server's content node still in place (see watchServerRendered), and rendered by the element.
        kept: children.some((c) => c.__server === true),
        updated: el.hasUpdated === true,
      });
      if (shadow) walk(shadow);
    }
  };
  walk(document);
  return { elements: found, defined: !!customElements.get('policy-summary') };
}

/**
 * The server-rendered product page (/demo/index-ssr.html): with JavaScript off it shows every
 * element's dates; with JavaScript on, each element takes the server's HTML over (hydrates it:
 * the same nodes) with the same dates, never two texts at once, nothing moved, and no request
 * for the policy, which the page carries. The e-mail preview is plain valid
 * HTML: no script, no custom element, no style sheet.
 */
async function serverRendered(browser, origin) {
  const results = [];
  const windowWords = { fr: 'Livraison estimée', es: 'Entrega estimada', en: 'Estimated delivery' };
  for (const lang of ['fr', 'es']) {
    const url = `${origin}/demo/index-ssr.html?lang=${lang}`;
    // The shop's zone: the server writes the cutoff's time of day on its clock, the browser on the shopper's.
    let page = await browser.newPage();
    let off;
    try {
      await page.emulateTimezone('Europe/Paris');
      await page.setJavaScriptEnabled(false);
      await page.goto(url, { waitUntil: 'load' });
      off = await page.evaluate(policyShown);
    } finally {
      await page.close();
    }
    const windows = off.elements.filter((e) => e.tag === 'policy-delivery-window');
    results.push([
      `index-ssr.html (${lang}), JavaScript off: every element shows its policy, the four delivery windows their dates`,
      !off.defined &&
        off.elements.length >= 9 &&
        off.elements.every((e) => e.text && e.height > 0 && !e.loading) &&
        windows.length === 4 &&
        windows.every((w) => w.dates.length === 2 && w.text.includes(windowWords[lang])),
      JSON.stringify(
        off.elements.map(({ tag, dates, text, height }) => ({ tag, dates, height, text: text.slice(0, 60) })),
      ),
    ]);

    page = await browser.newPage();
    try {
      await page.emulateTimezone('Europe/Paris');
      await page.setViewport({ width: 1000, height: 720 });
      await page.evaluateOnNewDocument(watchServerRendered);
      const fetched = [];
      page.on('request', (r) => /policy\.json/.test(r.url()) && fetched.push(r.url()));
      await page.goto(url, { waitUntil: 'load' });
      // Each element rendered, in the server's nodes, with no placeholder.
      const swapped = `(${policyShown})().elements.every((e) => e.updated && e.kept && e.shown === 1 && !e.loading)`;
      // Not in 15 s: told below, with what the elements show.
      await page.waitForFunction(swapped, { timeout: 15_000, polling: 'raf' }).catch(() => {});
      await new Promise((r) => setTimeout(r, 500));
      const on = await page.evaluate(policyShown);
      const { cls, doubled, placeholders } = await page.evaluate(() => {
        window.__stopWatching = true;
        return { cls: window.__shifts, doubled: window.__doubled, placeholders: window.__placeholders };
      });
      const dates = (s) => s.elements.map((e) => `${e.tag} ${e.dates.join(' ')}`).join(', ');
      const twice = on.elements.filter((e) => e.text.split(windowWords[lang]).length > 2 && e.tag !== 'policy-summary');
      results.push([
        `index-ssr.html (${lang}), JavaScript on: each element takes the server's HTML over (the same nodes), the same dates, never two texts at once nor a placeholder in any frame, CLS 0, no request for the policy`,
        on.defined &&
          !fetched.length &&
          (await page.evaluate(swapped)) &&
          dates(on) === dates(off) &&
          !doubled.length &&
          !placeholders.length &&
          !twice.length &&
          cls === 0,
        JSON.stringify({
          cls,
          doubled,
          placeholders,
          twice: twice.map((e) => e.tag),
          on: dates(on),
          off: dates(off),
          fetched,
          replaced: on.elements.filter((e) => !e.kept).map((e) => e.tag),
          notUpdated: on.elements.filter((e) => !e.updated).map((e) => e.tag),
        }),
      ]);
    } finally {
      await page.close();
    }
  }
  // The e-mail preview, as an e-mail client gets it.
  const validator = new HtmlValidate({
    extends: ['html-validate:recommended'],
    // E-mail clients read inline styles only.
    rules: { 'no-inline-style': 'off' },
  });
  for (const lang of LANGUAGES) {
    const html = await (await fetch(`${origin}/demo/email.html?lang=${lang}`)).text();
    const report = await validator.validateString(html);
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.ruleId} ${m.message}`));
    const forbidden = html.match(/<script|<style|<link|<template|<slot|shadowroot|<[a-z]+-[a-z-]+[\s>]/gi) ?? [];
    results.push([
      `email.html (${lang}): valid HTML (html-validate), no script, custom element or style sheet; the delivery window, the return deadline and the cancellation terms, dates as <time datetime>`,
      report.valid &&
        !forbidden.length &&
        html.includes(`<html lang="${lang}">`) &&
        ['class="window"', 'class="deadline"', 'class="policy-cancellation"'].every((c) => html.includes(c)) &&
        (html.match(/<time datetime="\d{4}-\d{2}-\d{2}">/g) ?? []).length >= 3,
      JSON.stringify({ messages, forbidden }),
    ]);
  }
  return results;
}

/** axe's violations on one page in one language, and French text not marked so; a page that cannot be checked is one too. */
async function pageViolations(browser, origin, path, lang) {
  const page = await browser.newPage();
  // demo.js warns of any text of the page it has no translation for.
  const untranslated = [];
  page.on('console', (m) => {
    const missing = /^demo\.js: no \w+ text for (.*)$/.exec(m.text());
    if (missing) untranslated.push(missing[1]);
  });
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
    // Language of parts (WCAG 3.1.2): the shop pages put their own words in the language chosen
    // (demo.js), and mark none of them in another; axe cannot tell a text's language.
    if (untranslated.length) violations.push(`not in ${lang}: ${untranslated.join(', ')}`);
    const elsewhere = await page.evaluate(() =>
      [...(document.querySelector('script[src$="demo.js"]') ? document.body.querySelectorAll('[lang]') : [])]
        .filter((e) => !e.closest('[data-lang], policy-kiosk') && !e.localName.startsWith('policy-'))
        .map((e) => `${e.localName} lang=${e.lang}`),
    );
    if (elsewhere.length) violations.push(`marked in another language: ${elsewhere.join(', ')}`);
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
    // What people do on the pages, beyond what axe sees.
    const tried = (run) => run().catch((e) => [['ran to the end', false, e.message]]);
    const behaviours = [
      ['/demo/ (shop pages)', await tried(() => shopPages(browser, origin))],
      ['/demo/check.html', await tried(() => policyCheckerBehaviour(browser, origin))],
      ['/demo/translations.html', await tried(() => translatorsPreview(browser))],
      ['/demo/kiosk.html', await tried(() => kioskOffline(browser))],
      ['/demo/index-ssr.html, email.html', await tried(() => serverRendered(browser, origin))],
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
