#!/usr/bin/env node
/**
 * `node scripts/cls.mjs` (after `npm run build`): does the page jump when the policy arrives late?
 *
 * Opens the demo product page in headless Chromium with every element fetching its policy over a
 * slow connection (`?policy=/__slow?ms=2000&file=/demo/policy.json`: the server sends the file
 * after 2 s) or, once per language and width, over a throttled connection (Chromium's network
 * emulation: 400 ms round trips, 400 kbit/s, for the page and the bundle as well), and sums the Cumulative Layout Shift (the 'layout-shift' entries without recent
 * input) until every element has rendered its policy, plus 500 ms. Once per language (fr, es, en)
 * and width (1000 px, and 390 px for a phone), and per clock: the real one, then 10:00 in Paris,
 * when both delivery cutoffs still apply and the countdown shows, and 16:00, when none does.
 *
 * Prints the CLS of each run and the elements that moved, with their heights while loading and
 * once rendered. Closing line `N passed, M failed` (runs); exits 1 when a run's CLS is above 0.001.
 *
 *   node scripts/cls.mjs                  the product page
 *   node scripts/cls.mjs /demo/order.html another page (its elements must use src="policy.json")
 *   CLS_CLOCK=real node scripts/cls.mjs   the real time of day only
 */
import { launchChromium, withServer } from './browser.mjs';
const DELAY = 2000;
/** A slow mobile connection: 400 ms round trips, 400 kbit/s down. */
const THROTTLE = { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };
const LIMIT = 0.001;
const paths = process.argv.slice(2).length ? process.argv.slice(2) : ['/demo/'];
const languages = ['fr', 'es', 'en'];
const widths = [1000, 390];
/**
 * The real time, and two times of a working Tuesday whose delivery dates have long day and month
 * names ("samedi 28 novembre", "mercredi 2 décembre"), so the text is at its tallest.
 */
const clocks = [
  { name: 'real clock', at: undefined },
  ...(process.env.CLS_CLOCK === 'real'
    ? []
    : [
        { name: '10:00 Paris, countdown shown', at: '2026-11-24T10:00:00+01:00' },
        { name: '16:00 Paris, no countdown', at: '2026-11-24T16:00:00+01:00' },
      ]),
];

/** Runs in the page before anything else: the clock, and the layout-shift observer. */
function instrument(at) {
  if (at) {
    const RealDate = Date;
    const offset = RealDate.parse(at) - RealDate.now();
    class ShiftedDate extends RealDate {
      constructor(...args) {
        if (args.length) super(...args);
        else super(RealDate.now() + offset);
      }
      static now() {
        return RealDate.now() + offset;
      }
    }
    globalThis.Date = ShiftedDate;
  }
  /** A readable name for a node: its shadow hosts, then itself, after the nearest named ancestor. */
  const name = (el) =>
    !el
      ? '#text'
      : el.localName +
        (el.id ? `#${el.id}` : '') +
        [...el.classList].map((c) => `.${c}`).join('') +
        ['part', 'method', 'category']
          .map((a) => (el.hasAttribute(a) ? `[${a}="${el.getAttribute(a)}"]` : ''))
          .join('');
  const describe = (node) => {
    const chain = [];
    let el = node.nodeType === 1 ? node : node.parentElement;
    for (;;) {
      chain.unshift(name(el));
      const root = el?.getRootNode();
      if (!(root instanceof ShadowRoot)) break;
      el = root.host;
    }
    const context = el?.parentElement?.closest('[id], [class]');
    return `${context ? `${name(context)} … ` : ''}${chain.join(' ⟩ ')}`;
  };
  const rect = (r) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__shifts.push({
        value: e.value,
        hadRecentInput: e.hadRecentInput,
        time: Math.round(e.startTime),
        sources: (e.sources ?? []).map((s) => ({
          node: s.node ? describe(s.node) : '(node gone)',
          from: rect(s.previousRect),
          to: rect(s.currentRect),
        })),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/** Every policy element on the page and inside their shadow roots. */
function policyElements() {
  const found = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.localName.startsWith('policy-')) found.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return found;
}

/** Runs at once: each waits mostly for the slow policy, so three share two CPUs well. */
const PARALLEL = Number(process.env.CLS_PARALLEL ?? 3);

/** One run: its report's lines, and its CLS. */
async function measure(browser, { path, lang, width, throttled, origin, ...clock }) {
  const out = [];
  const label = path === '/demo/' || path.endsWith('/index.html') ? 'product page' : path;
  const page = await browser.newPage();
  await page.setViewport({ width, height: width > 600 ? 720 : 844, deviceScaleFactor: 1 });
  await page.evaluateOnNewDocument(instrument, clock.at);
  // Either the server holds the policy back, or the whole page (bundle included) comes
  // over a throttled connection, as Chromium's network emulation gives it.
  if (throttled) await (await page.createCDPSession()).send('Network.emulateNetworkConditions', THROTTLE);
  const slow = throttled ? '/demo/policy.json' : `/__slow?ms=${DELAY}&file=/demo/policy.json`;
  const url = `${origin}${path}?lang=${lang}&policy=${encodeURIComponent(slow)}`;
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const tops = `(${policyElements})().filter((e) => e.getRootNode() === document)`;
  // Every element upgraded and showing something: its placeholder while the policy loads,
  // or already the policy (over a slow connection, the policy may come before the
  // element's code and strings). Their heights, for the report.
  const showing = (e) => e.shadowRoot?.querySelector('[part~="loading"]') || e.shadowRoot?.textContent.trim();
  await page.waitForFunction(`${tops}.every(${showing})`, { polling: 'raf', timeout: 15_000 });
  const before = await page.evaluate(`${tops}.map((e) => e.getBoundingClientRect().height)`);
  const loading = await page.evaluate(`${tops}.filter((e) => e.shadowRoot?.querySelector('[part~="loading"]')).length`);
  // Rendered: no placeholder left anywhere, inner elements of a summary included.
  const done = await page.waitForFunction(
    `(${policyElements})().every((e) => e.shadowRoot && !e.shadowRoot.querySelector('[part~="loading"]')) && performance.now()`,
    { polling: 'raf', timeout: 15_000 },
  );
  const renderedAt = await done.jsonValue();
  await new Promise((r) => setTimeout(r, 500));
  const { shifts, after, names } = await page.evaluate(
    `({ shifts: window.__shifts, after: ${tops}.map((e) => e.getBoundingClientRect().height),
        names: ${tops}.map((e) => e.localName + [...e.attributes].filter((a) => a.name !== 'src').map((a) => \` \${a.name}="\${a.value}"\`).join('')) })`,
  );
  await page.close();

  const counted = shifts.filter((s) => !s.hadRecentInput);
  const cls = counted.reduce((sum, s) => sum + s.value, 0);
  const seconds = Math.round(renderedAt / 1000);
  out.push(
    `CLS ${label} (${throttled ? 'rendered' : 'policy fetched'} in ~${seconds} s): ${cls.toFixed(3)}  [${lang}, ${width} px, ${clock.name}]`,
  );
  if (loading === 0 && !throttled)
    out.push('  (no policy element was found loading: is the page using src="policy.json"?)');
  for (const s of counted) {
    out.push(`  shift ${s.value.toFixed(4)} at ${s.time} ms`);
    for (const src of s.sources) out.push(`    ${src.node}: ${src.from} → ${src.to}`);
  }
  if (counted.length) {
    for (const [i, name] of names.entries()) {
      if (Math.round(before[i]) !== Math.round(after[i])) {
        out.push(`    <${name}> ${before[i].toFixed(1)} px loading → ${after[i].toFixed(1)} px rendered`);
      }
    }
  }
  return { out, cls };
}

let failed = 0;
let passed = 0;
await withServer(async (origin) => {
  const runs = [];
  for (const path of paths)
    for (const lang of languages)
      for (const width of widths)
        for (const clock of [...clocks, { name: 'real clock, throttled network', at: undefined, throttled: true }])
          runs.push({ path, lang, width, origin, ...clock });
  // A few at a time, each in a browser of its own (a page behind another gets no frames: no
  // layout, no shift to see); reported in order.
  const results = new Array(runs.length);
  let next = 0;
  const worker = async () => {
    const browser = await launchChromium();
    try {
      while (next < runs.length) {
        const i = next++;
        results[i] = await measure(browser, runs[i]);
      }
    } finally {
      await browser.close();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, PARALLEL) }, worker));
  for (const { out, cls } of results) {
    for (const line of out) console.log(line);
    if (cls > LIMIT) failed++;
    else passed++;
  }
});
if (failed) console.log(`${failed} run(s) with CLS above ${LIMIT}.`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
