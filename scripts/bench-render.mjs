#!/usr/bin/env node
/**
 * `npm run bench`, in headless Chromium with the built embed, in one run:
 *
 * 1. What each page pays: the JavaScript and strings it fetched, as the sum of gzip -9 of every
 *    JS and JSON file it requested (each URL once, measured from the served files, not from the
 *    transfer), for (a) a product page with only `<policy-delivery-window>` in French
 *    (demo/bench-delivery.html, policy inline; demo/bench-delivery-src.html, policy fetched), (b) the
 *    demo product page (demo/index.html), (c) the kiosk (demo/kiosk.html) after switching FR → ES → EN.
 *    "package" counts the files the package ships (dist/, locales/): the budgets are on it; the page's
 *    own scripts and its policy are shown beside it.
 * 2. Time to the first dates at 4× CPU throttling, for (a) and (b): from navigation start until the
 *    first `<time>` is in an element's shadow DOM, median of several runs on a fresh profile each,
 *    next to the same page as static HTML (its rendered shadow DOM written out as declarative shadow
 *    DOM, no script: the floor), as a ratio.
 *    For (b), also the same page rendered on the server per request (/demo/index-ssr.html, made by
 *    scripts/ssr-pages.mjs with policy-explainer/server: the dates in the HTML, the embed loading
 *    after), timed as the static page is (a script right after its first element with dates), in
 *    the same runs; and for each page its Largest Contentful Paint.
 * 3. Each element's render time, from creation to its first rendered policy (inline, no network).
 * 4. The Node API's render throughput: renders per second of `renderElement` for policy-summary
 *    and policy-delivery-window (demo policy, fr/es/en in turn, warm).
 *
 * `--json` prints the results as JSON on stdout (the table goes to stderr); scripts/size-check.mjs
 * reuses the byte measurement (measurePages).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium, withServer } from './browser.mjs';

const root = new URL('..', import.meta.url).pathname;

/** The budgets of issue 10, in gzip -9 bytes of the package's files a page fetched; the time ratio to the static page. */
export const BUDGETS = { delivery: 28 * 1024, product: 33 * 1024, timeRatio: 1.5, ssrRatio: 1.1 };

export const LANGUAGES = ['fr', 'es', 'en'];
export const TAGS = [
  'policy-delivery-window',
  'policy-returns',
  'policy-non-refundable',
  'policy-cancellation',
  'policy-summary',
  'policy-kiosk',
];

/**
 * Phrases only one language's strings hold (runs of 12 or more letters and spaces, with a space,
 * found in no other language's file): a fetched file that holds one carries that language's strings,
 * whatever the build calls it.
 */
export function languageMarkers() {
  const flat = (o) => (typeof o === 'string' ? [o] : Object.values(o ?? {}).flatMap(flat));
  const values = Object.fromEntries(
    LANGUAGES.map((l) => [l, flat(JSON.parse(readFileSync(join(root, 'locales', `${l}.json`), 'utf8')))]),
  );
  return Object.fromEntries(
    LANGUAGES.map((l) => {
      const others = LANGUAGES.filter((o) => o !== l)
        .flatMap((o) => values[o])
        .join('\n');
      const phrases = values[l]
        .flatMap((v) => v.match(/[\p{L} ]{12,}/gu) ?? [])
        .map((m) => m.trim())
        .filter((m) => m.length >= 12 && m.includes(' ') && !others.includes(m));
      return [l, [...new Set(phrases)]];
    }),
  );
}

const gzipped = new Map();
/** gzip -9 of a served file, and its text. */
function measureFile(file) {
  let entry = gzipped.get(file);
  if (!entry) {
    const bytes = readFileSync(file);
    gzipped.set(file, (entry = { gzip: gzipSync(bytes, { level: 9 }).length, text: bytes.toString('utf8') }));
  }
  return entry;
}

/** The repository file a URL of the demo server names, or undefined (another origin, a route). */
function fileOf(url, origin) {
  if (!url.startsWith(origin)) return undefined;
  const path = decodeURIComponent(new URL(url).pathname);
  if (path.includes('..')) return undefined;
  const file = join(root, path);
  return existsSync(file) ? file : undefined;
}

/**
 * Follows a page's requests: every JS and JSON file, each URL once, with its gzip -9 size and what
 * it carries (languages by their phrases or a file named for them, elements by a file named for them).
 */
function recordRequests(page, origin, markers) {
  const files = new Map();
  page.on('request', (request) => {
    const url = request.url();
    if (files.has(url)) return;
    const file = fileOf(url, origin);
    if (!file || !['.js', '.mjs', '.json'].includes(extname(file))) return;
    const { gzip, text } = measureFile(file);
    const path = file.slice(root.length - 1);
    const name = path.split('/').pop();
    const languages = LANGUAGES.filter(
      (l) => name.startsWith(`${l}-`) || name === `${l}.json` || markers[l].some((m) => text.includes(m)),
    );
    const elements = TAGS.filter((t) => name.startsWith(`${t}-`) || name.startsWith(`${t}.`));
    const kind = /^\/(dist|locales)\//.test(path) ? 'package' : 'page';
    files.set(url, { path, gzip, kind, languages, elements });
  });
  return files;
}

/** Sums, and what a set of files carries. */
export function summarize(files) {
  const list = [...files.values()];
  const sum = (kind) => list.filter((f) => !kind || f.kind === kind).reduce((n, f) => n + f.gzip, 0);
  return {
    files: list,
    package: sum('package'),
    page: sum('page'),
    total: sum(),
    languages: LANGUAGES.filter((l) => list.some((f) => f.kind === 'package' && f.languages.includes(l))),
    elementFiles: TAGS.filter((t) => list.some((f) => f.elements.includes(t))),
    // The parts of the strings fetched (fr-product-….js: scripts/locale-parts.mjs), once each.
    stringParts: [
      ...new Set(list.flatMap((f) => /^\/dist\/chunks\/[a-z]+-(product|order|withdrawal)-/.exec(f.path)?.[1] ?? [])),
    ].sort(),
  };
}

/** Waits until the first `<time>` is in the shadow DOM of the page's elements (nested ones too). */
const datesShown = (page) =>
  page.waitForFunction(
    () => {
      const find = (node) =>
        [...node.querySelectorAll('*')].some((el) => el.localName === 'time' || (el.shadowRoot && find(el.shadowRoot)));
      return find(document);
    },
    { timeout: 20_000, polling: 50 },
  );

/** The tags defined on the page, and the tags present in it (shadow roots included), and the languages its elements show. */
const pageState = (page) =>
  page.evaluate((tags) => {
    const present = new Set();
    const shown = new Set();
    const walk = (node) => {
      for (const el of node.querySelectorAll('*')) {
        if (el.localName.startsWith('policy-')) {
          present.add(el.localName);
          const lang = el.closest('[lang]')?.getAttribute('lang');
          if (lang) shown.add(lang.slice(0, 2).toLowerCase());
        }
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return {
      defined: tags.filter((t) => customElements.get(t)),
      present: [...present],
      shown: [...shown],
    };
  }, TAGS);

/** The pages measured, with what to do once each has loaded. */
export const PAGES = {
  delivery: { path: '/demo/bench-delivery.html', label: '(a) delivery only, fr, policy inline' },
  deliverySrc: { path: '/demo/bench-delivery-src.html', label: '(a) delivery only, fr, policy by src + preload' },
  product: {
    path: '/demo/index.html',
    label: '(b) demo product page, fr',
    // Rendered on the server per request; ?mark: a script after its first dates notes when the parser got there.
    ssr: '/demo/index-ssr.html?mark',
  },
  kiosk: { path: '/demo/kiosk.html', label: '(c) kiosk, fr → es → en', switchTo: ['es', 'en'] },
};

/**
 * What each page fetched (see recordRequests), on a fresh profile each, no throttling. For the
 * kiosk, also what it had fetched before each switch (`steps`), so that a language fetched before
 * its button was pressed shows.
 */
export async function measurePages(browser, origin, names = Object.keys(PAGES)) {
  const markers = languageMarkers();
  const results = {};
  for (const name of names) {
    const { path, label, switchTo = [] } = PAGES[name];
    const context = await browser.createBrowserContext();
    try {
      const page = await context.newPage();
      // The kiosk's service worker would answer later requests from its cache: count what the page asks for.
      await page.setBypassServiceWorker(true);
      const files = recordRequests(page, origin, markers);
      await page.goto(`${origin}${path}`);
      await datesShown(page);
      await page.waitForNetworkIdle({ idleTime: 300 });
      const steps = [{ language: 'fr', ...summarize(files), ...(await pageState(page)) }];
      for (const lang of switchTo) {
        const ready = page.evaluate(
          (lang) =>
            new Promise((resolve) => {
              const kiosk = document.querySelector('policy-kiosk');
              window.__kioskReady = resolve;
              kiosk.addEventListener('policy-ready', (e) => e.detail?.language === lang && window.__kioskReady?.());
            }),
          lang,
        );
        await page.evaluate(
          (lang) => document.querySelector('policy-kiosk').shadowRoot.querySelector(`button[lang="${lang}"]`).click(),
          lang,
        );
        await ready;
        await page.waitForNetworkIdle({ idleTime: 300 });
        steps.push({ language: lang, ...summarize(files), ...(await pageState(page)) });
      }
      results[name] = { label, path, ...steps.at(-1), steps };
    } finally {
      await context.close();
    }
  }
  return results;
}

/**
 * The page as static HTML: its rendered shadow roots written out as declarative shadow DOM with
 * their styles, every script removed, and a one-line script after the first element that shows
 * dates, which notes when the parser got there.
 */
async function staticCopy(browser, origin, path) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.goto(`${origin}${path}`);
    await datesShown(page);
    await page.waitForNetworkIdle({ idleTime: 300 });
    return await page.evaluate(() => {
      const roots = [];
      const walk = (node) => {
        for (const el of node.querySelectorAll('*')) {
          if (!el.shadowRoot) continue;
          const root = el.shadowRoot;
          const css = [...root.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n');
          if (css) root.prepend(Object.assign(document.createElement('style'), { textContent: css }));
          roots.push(root);
          walk(root);
        }
      };
      walk(document);
      const first = [...document.querySelectorAll('*')].find((el) => {
        const has = (node) =>
          [...node.querySelectorAll('*')].some((e) => e.localName === 'time' || (e.shadowRoot && has(e.shadowRoot)));
        return el.localName.startsWith('policy-') && el.shadowRoot && has(el.shadowRoot);
      });
      first.after(
        Object.assign(document.createElement('script'), { textContent: 'window.__firstDates = performance.now()' }),
      );
      for (const s of document.querySelectorAll(
        'script:not(:empty), script[src], link[rel="preload"], link[rel="modulepreload"]',
      ))
        if (!s.textContent.includes('__firstDates')) s.remove();
      for (const s of document.querySelectorAll('policy-delivery-window script, policy-returns script')) s.remove();
      return `<!doctype html>\n${document.documentElement.getHTML({ shadowRoots: roots })}`.replace(
        /<!--\?lit\$\d+\$-->|<!---->/g,
        '',
      );
    });
  } finally {
    await context.close();
  }
}

/** Before any script of the page: notes when the first `<time>` enters a shadow root. */
function watchFirstDates() {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    const observer = new MutationObserver(() => {
      if (window.__firstDates === undefined && root.querySelector('time')) window.__firstDates = performance.now();
      if (window.__firstDates !== undefined) observer.disconnect();
    });
    observer.observe(root, { childList: true, subtree: true });
    return root;
  };
}

/** Before any script of the page: the Largest Contentful Paint so far, in `window.__lcp`. */
function watchLcp() {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
}

/**
 * Milliseconds from navigation start to the first dates, to the first paint of any content (FCP)
 * and to the Largest Contentful Paint once the page is loaded and its network idle, on a fresh
 * profile at 4× CPU throttling.
 */
async function timeToDates(browser, url) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    const cdp = await page.createCDPSession();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.evaluateOnNewDocument(watchFirstDates);
    await page.evaluateOnNewDocument(watchLcp);
    await page.goto(url);
    await page.waitForFunction(() => window.__firstDates !== undefined, { timeout: 30_000, polling: 50 });
    await page.waitForNetworkIdle({ idleTime: 500 });
    return await page.evaluate(() => ({
      dates: window.__firstDates,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      lcp: window.__lcp ?? NaN,
    }));
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Time to the first dates and LCP for each page, its static copy and (for a page that has one) its
 * server-rendered version, paired run by run.
 */
export async function measureTimes(browser, origin, names = ['delivery', 'product'], runs = 7) {
  const results = {};
  for (const name of names) {
    const { path, label, ssr } = PAGES[name];
    const html = await staticCopy(browser, origin, path);
    const staticPath = path.replace(/([^/]+)\.html$/, 'bench-static-$1.html');
    const staticFile = join(root, staticPath);
    writeFileSync(staticFile, html);
    // The server warm, as a shop's is: its first request loads Lit, the renderer and the strings.
    if (ssr) await (await fetch(`${origin}${ssr}`)).text();
    try {
      const [page, floor, server] = [[], [], []];
      for (let i = 0; i < runs; i++) {
        page.push(await timeToDates(browser, `${origin}${path}`));
        floor.push(await timeToDates(browser, `${origin}${staticPath}`));
        if (ssr) server.push(await timeToDates(browser, `${origin}${ssr}`));
      }
      const of = (list, key) => median(list.map((r) => r[key]));
      results[name] = {
        label,
        path,
        runs: page,
        staticRuns: floor,
        median: of(page, 'dates'),
        staticMedian: of(floor, 'dates'),
        fcp: of(page, 'fcp'),
        staticFcp: of(floor, 'fcp'),
        lcp: of(page, 'lcp'),
        staticLcp: of(floor, 'lcp'),
      };
      results[name].ratio = results[name].median / results[name].staticMedian;
      if (ssr)
        Object.assign(results[name], {
          ssrPath: ssr,
          ssrRuns: server,
          ssrMedian: of(server, 'dates'),
          ssrFcp: of(server, 'fcp'),
          ssrLcp: of(server, 'lcp'),
          ssrRatio: of(server, 'dates') / results[name].staticMedian,
        });
    } finally {
      rmSync(staticFile, { force: true });
    }
  }
  return results;
}

/** Each element's render time, from creation to its first rendered policy (the bench's first part, as it was). */
async function measureRenders(browser, origin, log) {
  const RUNS = 40;
  const cases = [
    ['policy-delivery-window', { method: 'home-delivery' }],
    ['policy-returns', { 'delivered-on': '2026-03-09' }],
    ['policy-non-refundable', { category: 'hygiene' }],
    ['policy-cancellation', {}],
    ['policy-summary', {}],
    ['policy-kiosk', {}],
  ];
  const page = await browser.newPage();
  const results = {};
  try {
    await page.goto(`${origin}/demo/blank.html`);
    await page.addScriptTag({ type: 'module', url: `${origin}/dist/policy-explainer.js` });
    const policy = JSON.parse(readFileSync(join(root, 'demo/policy.json'), 'utf8'));
    let over = 0;
    for (const [tag, attrs] of cases) {
      const { cold, warm: times } = await page.evaluate(
        async (tag, attrs, policy, runs) => {
          const out = [];
          // Run 0 is the first of its kind on the page (cold code, fetched then if the embed loads by tag), reported apart.
          for (let i = 0; i <= runs; i++) {
            const start = performance.now();
            const el = document.createElement(tag);
            for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
            el.lang = ['fr', 'es', 'en'][i % 3];
            el.policy = structuredClone(policy);
            document.body.append(el);
            await customElements.whenDefined(tag);
            await el.updateComplete;
            // Nested elements (summary, kiosk) finish with their children.
            const inner = (root) => [...(root?.querySelectorAll('*') ?? [])].filter((e) => e.updateComplete);
            for (const e of inner(el.shadowRoot)) await e.updateComplete;
            for (const e of inner(el.shadowRoot?.querySelector('policy-summary')?.shadowRoot)) await e.updateComplete;
            if (!el.shadowRoot?.textContent.trim())
              await new Promise((r) => el.addEventListener('policy-ready', r, { once: true }));
            out.push(performance.now() - start);
            el.remove();
          }
          const cold = out.shift();
          return { cold, warm: out.sort((a, b) => a - b) };
        },
        tag,
        attrs,
        policy,
        RUNS,
      );
      const result = { first: cold, median: times[Math.floor(RUNS / 2)], p95: times[Math.floor(RUNS * 0.95)] };
      results[tag] = result;
      if (result.p95 > 16) over++;
      log(
        `${tag.padEnd(24)} first ${cold.toFixed(1).padStart(6)} ms   then median ${result.median.toFixed(1).padStart(5)} ms, p95 ${result.p95.toFixed(1).padStart(5)} ms`,
      );
    }
    log(
      over
        ? `${over} element(s) over one frame (16 ms) at p95`
        : 'every element renders within one frame (16 ms) at p95',
    );
  } finally {
    await page.close();
  }
  return results;
}

/** Renders per second of the Node API, for the summary and one delivery window, over `ms` each. */
async function measureThroughput(log, ms = 3000) {
  const { renderElement } = await import('../dist/npm/server.js');
  const policy = JSON.parse(readFileSync(join(root, 'demo/policy.json'), 'utf8'));
  const results = {};
  for (const element of ['policy-summary', 'policy-delivery-window']) {
    // Warm: each language's strings loaded, the templates parsed, the code compiled.
    for (let i = 0; i < 30; i++) await renderElement({ element, policy, lang: LANGUAGES[i % 3] });
    let n = 0;
    const start = performance.now();
    while (performance.now() - start < ms) await renderElement({ element, policy, lang: LANGUAGES[n++ % 3] });
    const elapsed = performance.now() - start;
    results[element] = { renders: n, perSecond: (n / elapsed) * 1000, ms: elapsed / n };
    log(
      `${element.padEnd(24)} ${results[element].perSecond.toFixed(0).padStart(6)} renders/s   ${results[element].ms.toFixed(2)} ms each`,
    );
  }
  return results;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** The table of bytes and times, and each budget met or not. */
export function report(bytes, times, log) {
  log('Bytes fetched (gzip -9 of each JS/JSON file requested, each URL once)');
  log(
    `${'page'.padEnd(48)} ${'package'.padStart(9)} ${'page own'.padStart(9)} ${'total'.padStart(9)}  languages  element files`,
  );
  for (const r of Object.values(bytes)) {
    log(
      `${r.label.padEnd(48)} ${kb(r.package).padStart(9)} ${kb(r.page).padStart(9)} ${kb(r.total).padStart(9)}  ${r.languages.join(' ').padEnd(9)}  ${r.elementFiles.map((t) => t.replace('policy-', '')).join(' ') || '(one file)'}`,
    );
    for (const f of r.files) log(`    ${f.path.padEnd(56)} ${String(f.gzip).padStart(7)} B  ${f.kind}`);
  }
  if (times) {
    const runs = Object.values(times)[0]?.runs.length;
    const row = (label, dates, fcp, lcp, ratio) =>
      log(
        `${label.padEnd(52)} ${[dates, fcp, lcp].map((ms) => `${ms.toFixed(0).padStart(6)} ms`).join(' ')}   ${ratio.toFixed(2)}×`,
      );
    log('');
    log(`Time to the first dates, FCP and LCP, 4× CPU throttling (median of ${runs}; each run a fresh profile)`);
    log(`${'page'.padEnd(52)} ${['dates', 'FCP', 'LCP'].map((h) => h.padStart(9)).join(' ')}   dates ÷ static`);
    for (const r of Object.values(times)) {
      row(r.label, r.median, r.fcp, r.lcp, r.ratio);
      row('    static HTML, no script (the floor)', r.staticMedian, r.staticFcp, r.staticLcp, 1);
      if (r.ssrPath) row('    rendered on the server per request', r.ssrMedian, r.ssrFcp, r.ssrLcp, r.ssrRatio);
    }
    log('(dates: the first <time> in the DOM; a server-rendered or static page has its dates in its first paint)');
  }
  const checks = [
    bytes.delivery && [
      '(a) delivery only ≤ ' + kb(BUDGETS.delivery),
      bytes.delivery.package <= BUDGETS.delivery,
      kb(bytes.delivery.package),
    ],
    bytes.product && [
      '(b) product page ≤ ' + kb(BUDGETS.product),
      bytes.product.package <= BUDGETS.product,
      kb(bytes.product.package),
    ],
    times?.delivery && [
      `(a) time ≤ ${BUDGETS.timeRatio}× static`,
      times.delivery.ratio <= BUDGETS.timeRatio,
      `${times.delivery.ratio.toFixed(2)}×`,
    ],
    times?.product && [
      `(b) time ≤ ${BUDGETS.timeRatio}× static`,
      times.product.ratio <= BUDGETS.timeRatio,
      `${times.product.ratio.toFixed(2)}×`,
    ],
    times?.product?.ssrPath && [
      `(b) rendered on the server: time ≤ ${BUDGETS.ssrRatio}× static`,
      times.product.ssrRatio <= BUDGETS.ssrRatio,
      `${times.product.ssrRatio.toFixed(2)}×`,
    ],
  ].filter(Boolean);
  log('');
  for (const [what, ok, measured] of checks) log(`${ok ? '✓' : '✗'} ${what}: ${measured}`);
  return checks.map(([what, ok, measured]) => ({ what, ok, measured }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const json = process.argv.includes('--json');
  const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 7);
  const log = json ? (line) => console.error(line) : (line) => console.log(line);
  await withServer(async (origin) => {
    const browser = await launchChromium();
    try {
      const bytes = await measurePages(browser, origin);
      const times = await measureTimes(browser, origin, ['delivery', 'product'], runs);
      const budgets = report(bytes, times, log);
      log('');
      log('Render time per element (inline policy, no network; budget one frame, 16 ms at p95)');
      const renders = await measureRenders(browser, origin, log);
      log('');
      log('Server rendering in Node (policy-explainer/server, renderElement; demo policy, fr/es/en in turn, warm)');
      const throughput = await measureThroughput(log);
      if (json) console.log(JSON.stringify({ budgets, bytes, times, renders, throughput, limits: BUDGETS }, null, 2));
    } finally {
      await browser.close();
    }
  });
}
