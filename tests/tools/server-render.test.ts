/**
 * Server rendering (issue 14): what a shopper reads in server-rendered HTML, before any script,
 * is what the element shows in the browser: for every example policy, each element that applies,
 * in French, Spanish and English, at a pinned instant. And the e-mail HTML of an order is valid
 * HTML with no script, no custom element and no style sheet.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { extname } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_FLAGS, chromiumPath } from '../../scripts/browser.mjs';

const root = new URL('../../', import.meta.url);
const examples = new URL('tests/fixtures/examples/', root);
const LANGS = ['fr', 'es', 'en'];
/** For the complete policies, which carry no instant: a Monday morning, minutes past the hour. */
const MONDAY = '2026-03-02T10:17:00+01:00';
const HOUR = 3_600_000;

interface Case {
  name: string;
  element: string;
  policy: unknown;
  lang: string;
  now: number;
  timeZone: string;
  attributes: Record<string, string>;
}

/** Every example policy, with the elements that show something of it. */
function cases(): Case[] {
  const list: Case[] = [];
  for (const file of readdirSync(examples)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const json = JSON.parse(readFileSync(new URL(file, examples), 'utf8')) as {
      policy?: Record<string, unknown>;
      now?: string;
      method?: string;
    };
    const policy = (json.policy ?? json) as Record<string, unknown> & { merchant: { timeZone: string } };
    const now = Date.parse(json.now ?? MONDAY);
    // An order: placed an hour ago, delivered four days ago.
    const orderedAt = new Date(now - HOUR).toISOString();
    const deliveredOn = new Date(now - 4 * 24 * HOUR).toISOString().slice(0, 10);
    const elements: [string, Record<string, string>][] = [
      ['policy-summary', { 'delivered-on': deliveredOn, 'ordered-at': orderedAt }],
      ['policy-delivery-window', json.method ? { method: json.method } : {}],
    ];
    if (policy.returns) elements.push(['policy-returns', { 'delivered-on': deliveredOn }]);
    if (policy.nonRefundable) elements.push(['policy-non-refundable', {}]);
    if (policy.cancellation) elements.push(['policy-cancellation', { 'ordered-at': orderedAt }]);
    if (!json.policy) elements.push(['policy-kiosk', {}]);
    for (const [element, attributes] of elements)
      for (const lang of LANGS)
        list.push({
          name: `${file} ${element} ${lang}`,
          element,
          policy,
          lang,
          now,
          timeZone: policy.merchant.timeZone,
          attributes,
        });
  }
  // A policy the elements cannot show: the same polite fallback both ways.
  for (const lang of LANGS)
    list.push({
      name: `a bad policy, policy-summary ${lang}`,
      element: 'policy-summary',
      policy: { version: 1 },
      lang,
      now: Date.parse(MONDAY),
      timeZone: 'Europe/Paris',
      attributes: {},
    });
  return list;
}

/**
 * What a reader gets of server-rendered HTML: its text, the shadow roots' included, without
 * styles, scripts (the policy written in the element) and comments (Lit's markers), entities decoded.
 */
function textOfHtml(html: string): string {
  return html
    .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/g, '')
    .replace(/<!--[\s\S]*?-->|<\?[^>]*>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot);/gi, (_, code: string) =>
      code[0] === '#'
        ? String.fromCodePoint(code[1] === 'x' ? parseInt(code.slice(2), 16) : Number(code.slice(1)))
        : { amp: '&', lt: '<', gt: '>', quot: '"' }[code.toLowerCase()]!,
    );
}

/** Where two texts part: the characters there, as code points (a space and a no-break space look alike). */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const codes = (s: string) =>
    [...s.slice(i, i + 3)].map((ch) => `U+${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`);
  return `at ${i}: "${a.slice(Math.max(0, i - 20), i + 10)}" ${codes(a).join(' ')} / ${codes(b).join(' ')}`;
}

/**
 * Node 20's Intl writes a thin space (U+2009) around range dashes, and a narrow no-break space
 * (U+202F) before AM and PM in formatToParts, where Chromium writes plain spaces: each is read as
 * a space here, and counted. Nothing else is forgiven (a no-break space stays one).
 */
const normalised = { thin: 0, narrow: 0 };
const normalise = (text: string) =>
  text
    .replace(/\u2009/g, () => (normalised.thin++, ' '))
    .replace(/\u202f(?=[AP]M\b)/g, () => (normalised.narrow++, ' '))
    .replace(/[ \t\n\r\f]+/g, ' ')
    .trim();

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.json': 'application/json', '.html': 'text/html' };
const PAGE = '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>';

let browser: Browser;
let server: typeof import('../../dist/npm/server.js');

beforeAll(async () => {
  if (!existsSync(new URL('dist/npm/server.js', root)) || !existsSync(new URL('dist/policy-explainer.js', root)))
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: root });
  server = await import('../../dist/npm/server.js');
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
}, 120_000);

afterAll(() => browser?.close());

/**
 * A page in Chromium in the time zone `zone`, the embed loaded, its clock (`Date.now`) pinned by
 * setting `window.pinned`. `requested` lists the paths it asked for beside the embed's files.
 */
async function embedPage(zone: string) {
  const context = await browser.newContext({ timezoneId: zone });
  const requested: string[] = [];
  await context.route('http://policy.test/**', (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/') return route.fulfill({ body: PAGE, contentType: 'text/html' });
    if (!path.startsWith('/dist/')) requested.push(path);
    const file = new URL(`.${path}`, root);
    if (!existsSync(file)) return route.fulfill({ status: 404 });
    return route.fulfill({ body: readFileSync(file), contentType: TYPES[extname(path)] ?? 'text/plain' });
  });
  const page = await context.newPage();
  // The page's clock, pinned before the embed loads; each case moves it.
  await page.addInitScript(() => {
    const w = window as unknown as { pinned: number };
    w.pinned = 0;
    Date.now = () => w.pinned;
  });
  await page.goto('http://policy.test/');
  await page.addScriptTag({ url: '/dist/policy-explainer.js', type: 'module' });
  return { context, page, requested };
}

/** What the element shows in Chromium for each case, one page per time zone, the embed loaded once in each. */
async function inChromium(all: Case[]): Promise<string[]> {
  const texts: string[] = [];
  for (const zone of new Set(all.map((c) => c.timeZone))) {
    const { context, page } = await embedPage(zone);
    for (const c of all.filter((c) => c.timeZone === zone)) {
      const text = await page.evaluate(async ({ element, policy, lang, now, attributes }) => {
        (window as unknown as { pinned: number }).pinned = now;
        document.body.replaceChildren();
        const el = document.createElement(element) as HTMLElement & { policy: unknown };
        el.setAttribute('lang', lang);
        for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
        el.policy = policy;
        const shown = new Promise((resolve) => {
          el.addEventListener('policy-ready', resolve);
          el.addEventListener('policy-error', resolve);
          setTimeout(() => resolve('late'), 3000);
        });
        document.body.append(el);
        // An element that never settles fails its case at once, not the whole test by its time limit.
        if ((await shown) === 'late') return `(no policy-ready or policy-error within 3 s)`;
        await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
        // The text a reader gets: each shadow root's, nested ones included, without styles.
        const read = (node: Node): string => {
          if (node.nodeType === Node.TEXT_NODE) return (node as Text).data;
          if (node instanceof HTMLStyleElement || node instanceof HTMLScriptElement) return '';
          const from = node instanceof Element && node.shadowRoot ? node.shadowRoot : node;
          return [...from.childNodes].map(read).join('');
        };
        return read(el);
      }, c);
      texts[all.indexOf(c)] = text;
    }
    await context.close();
  }
  return texts;
}

const all = cases();
/** What the element shows in Chromium, rendered there, for every case (once for every test). */
let clientTexts: Promise<string[]> | undefined;
const browserTextsOf = () => (clientTexts ??= inChromium(all));

describe('server rendering', () => {
  it('shows the text the element shows in Chromium, for every example policy and element, in fr, es and en', async () => {
    const browserTexts = await browserTextsOf();
    const mismatches: string[] = [];
    let compared = 0;
    for (const [i, c] of all.entries()) {
      const options = { element: c.element, policy: c.policy, lang: c.lang, now: c.now, attributes: c.attributes };
      const html = await server.renderElement(options);
      // Declarative shadow DOM: the element, its lang, and its shadow root in the markup.
      expect(html).toMatch(
        new RegExp(`^<${c.element} [^>]*lang="${c.lang}"[^>]*><template shadowroot="open" shadowrootmode="open">`),
      );
      const expected = normalise(browserTexts[i]!);
      expect(expected, c.name).not.toBe('');
      const got = normalise(textOfHtml(html));
      if (got !== expected) mismatches.push(`${c.name}: ${firstDifference(got, expected)}`);
      // The e-mail HTML has the same words (the kiosk's language buttons left out).
      if (c.element !== 'policy-kiosk') {
        const plain = normalise(textOfHtml(await server.renderStaticHtml(options)));
        if (plain !== expected) mismatches.push(`${c.name} (--static): ${firstDifference(plain, expected)}`);
      }
      compared++;
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBe(all.length);
    console.log(
      `${compared} renders compared with Chromium; spaces read as plain: ${normalised.thin} thin, ${normalised.narrow} narrow no-break`,
    );
  }, 60_000);

  it('renders the fallback for a policy it cannot show, in the language asked for', async () => {
    const html = await server.renderElement({ element: 'policy-summary', policy: { version: 1 }, lang: 'es' });
    expect(textOfHtml(html)).toContain('No podemos mostrar');
    expect(html).toContain('part="fallback"');
  });

  it('renders at the instant given: the same policy, another day, other dates', async () => {
    const policy = JSON.parse(readFileSync(new URL('01-seed-example.json', examples), 'utf8')).policy;
    const at = (now: string) => server.renderElement({ element: 'policy-delivery-window', policy, lang: 'en', now });
    const monday = await at('2026-03-02T10:00:00+01:00');
    const friday = await at('2026-03-06T10:00:00+01:00');
    expect(monday).toContain('datetime="2026-03-06"');
    expect(friday).not.toContain('datetime="2026-03-06"');
  });
});

interface TakeOver {
  /** The text a reader gets, after the element settled. */
  text: string;
  /** How many content nodes the server wrote (nested elements' included), and how many are still shown. */
  serverNodes: number;
  kept: number;
  /** The top of a paragraph below the element: once the server's HTML was on show, and at the end. */
  belowBefore: number;
  belowAfter: number;
  /** Whether the first "why" (details) is open at the end, and the same node as the server's. */
  whyOpen?: boolean;
  event: string;
}

/**
 * Puts the server's HTML in the page with the clock at `now`, as a page does before any script
 * touches it (the element's content nodes marked), then lets the element take it over. With
 * `openWhy`, the shopper opened the first "why" before that.
 */
async function takeOver(
  page: Awaited<ReturnType<typeof embedPage>>['page'],
  html: string,
  now: number,
  openWhy = false,
): Promise<TakeOver> {
  return page.evaluate(
    async ({ html, now, openWhy }) => {
      (window as unknown as { pinned: number }).pinned = now;
      document.body.replaceChildren();
      // Parsed apart (its declarative shadow roots with it), shown, and measured before the
      // element is connected: the page as the server sent it.
      const box = document.createElement('div');
      box.setHTMLUnsafe(html);
      const el = box.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> };
      const contents: Element[] = [];
      const mark = (host: Element) => {
        for (const c of host.shadowRoot?.children ?? []) if (c.matches('[part~="content"]')) contents.push(c);
        for (const inner of host.shadowRoot?.querySelectorAll('*') ?? []) if (inner.shadowRoot) mark(inner);
      };
      mark(el);
      const why = el.shadowRoot?.querySelector('details');
      if (why && openWhy) why.open = true;
      const below = document.createElement('p');
      below.textContent = 'below';
      // Hidden from the element's code till measured: a template holds it inert.
      const holder = document.createElement('template');
      holder.content.append(box);
      document.body.append(holder.content.firstChild!, below);
      const belowBefore = below.getBoundingClientRect().top;
      const settled = new Promise<string>((resolve) => {
        el.addEventListener('policy-ready', () => resolve('policy-ready'));
        el.addEventListener('policy-error', () => resolve('policy-error'));
        setTimeout(() => resolve('late'), 3000);
      });
      const event = await settled;
      await el.updateComplete;
      // Nested elements take theirs over after their host: two frames.
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const read = (node: Node): string => {
        if (node.nodeType === Node.TEXT_NODE) return (node as Text).data;
        if (node instanceof HTMLStyleElement || node instanceof HTMLScriptElement) return '';
        const from = node instanceof Element && node.shadowRoot ? node.shadowRoot : node;
        return [...from.childNodes].map(read).join('');
      };
      const shown = (c: Element) => c.isConnected && (c.getRootNode() as ShadowRoot).host?.isConnected;
      return {
        text: read(el),
        serverNodes: contents.length,
        kept: contents.filter(shown).length,
        belowBefore,
        belowAfter: below.getBoundingClientRect().top,
        whyOpen: why ? why.isConnected && why.open : undefined,
        event,
      };
    },
    { html, now, openWhy },
  );
}

describe('in the browser, the server-rendered element takes its HTML over (hydration)', () => {
  it('keeps every node the server wrote and shows the words the element shows, for every case, fetching nothing', async () => {
    const browserTexts = await browserTextsOf();
    const problems: string[] = [];
    let checked = 0;
    for (const zone of new Set(all.map((c) => c.timeZone))) {
      const { context, page, requested } = await embedPage(zone);
      for (const c of all.filter((c) => c.timeZone === zone)) {
        // With a src too: the policy written in the element is read, the file never fetched.
        const attributes = { ...c.attributes, src: '/never-fetched.json' };
        const html = await server.renderElement({
          element: c.element,
          policy: c.policy,
          lang: c.lang,
          now: c.now,
          attributes,
        });
        const got = await takeOver(page, html, c.now);
        const expected = normalise(browserTexts[all.indexOf(c)]!);
        if (got.event === 'late') problems.push(`${c.name}: never settled`);
        if (got.serverNodes === 0 || got.kept !== got.serverNodes)
          problems.push(`${c.name}: ${got.kept} of the server's ${got.serverNodes} content nodes kept`);
        if (normalise(got.text) !== expected)
          problems.push(`${c.name}: ${firstDifference(normalise(got.text), expected)}`);
        if (got.belowAfter !== got.belowBefore)
          problems.push(`${c.name}: moved the page by ${got.belowAfter - got.belowBefore}px`);
        checked++;
      }
      expect(requested, `requests in ${zone}`).toEqual([]);
      await context.close();
    }
    expect(problems).toEqual([]);
    expect(checked).toBe(all.length);
  }, 120_000);

  const seed = () => JSON.parse(readFileSync(new URL('01-seed-example.json', examples), 'utf8')).policy as object;
  const PARIS = 'Europe/Paris';
  /** What the element shows when rendered in the page at `now` (no server HTML). */
  async function clientText(page: Awaited<ReturnType<typeof embedPage>>['page'], html: string, now: number) {
    const bare = html.replace(/<template shadowroot[\s\S]*<\/template>/, '');
    return normalise((await takeOver(page, bare, now)).text);
  }

  /**
   * The seed example's delivery window, rendered on the server at `rendered` (Paris), then taken
   * over in a page whose clock reads `opened` (the shopper having opened its "why" first, with
   * `openWhy`): the server's text, what the page shows, and what the element shows rendered in
   * the page alone at `opened`.
   */
  async function stale(lang: string, rendered: string, opened: string, openWhy = false) {
    const { context, page } = await embedPage(PARIS);
    try {
      const at = Date.parse(opened);
      const html = await server.renderElement({
        element: 'policy-delivery-window',
        policy: seed(),
        lang,
        now: Date.parse(rendered),
      });
      const got = await takeOver(page, html, at, openWhy);
      return { served: normalise(textOfHtml(html)), got, fresh: await clientText(page, html, at) };
    } finally {
      await context.close();
    }
  }

  it("a page from a cache, made before the cutoff and opened after it: today's window at once, in the same nodes, nothing moved", async () => {
    const { served, got, fresh } = await stale('fr', '2026-03-02T13:50:00+01:00', '2026-03-02T14:10:00+01:00');
    // The server's page promised a window with a countdown to the 2 pm cutoff.
    expect(served).toMatch(/dans 10\smin\)/);
    expect(normalise(got.text)).toBe(fresh);
    expect(got.text).not.toMatch(/\(dans \d+/);
    expect(got.kept).toBe(got.serverNodes);
    // A line shorter: the element keeps the server's height, the page below stays put.
    expect(got.belowAfter).toBe(got.belowBefore);
  });

  it('made after the cutoff, opened next morning before it: the dates of the morning, without the countdown that would push the page down', async () => {
    const { served, got, fresh } = await stale('fr', '2026-03-02T15:00:00+01:00', '2026-03-03T10:00:00+01:00', true);
    expect(served).not.toMatch(/\(dans /);
    // Rendered in the page itself that morning, the window has a countdown to 2 pm.
    expect(fresh).toMatch(/\(dans 4\sh/);
    expect(normalise(got.text)).toBe(fresh.replace(/ ?Commandez avant [^.]*\./, ''));
    expect(got.kept).toBe(got.serverNodes);
    expect(got.belowAfter).toBe(got.belowBefore);
  });

  it('made on Friday, opened on Monday: the dates of Monday, and a "why" the shopper had opened stays open', async () => {
    const { served, got, fresh } = await stale('en', '2026-02-27T10:00:00+01:00', '2026-03-02T10:00:00+01:00', true);
    expect(normalise(got.text)).toBe(fresh);
    expect(served).not.toBe(fresh);
    expect(got.kept).toBe(got.serverNodes);
    expect(got.whyOpen).toBe(true);
  });

  it('a page with words of its own the server did not have: the words of the page, not the server’s', async () => {
    const { context, page } = await embedPage(PARIS);
    const now = Date.parse('2026-03-02T10:00:00+01:00');
    const html = await server.renderElement({ element: 'policy-delivery-window', policy: seed(), lang: 'fr', now });
    // A string, not a function: the test's own transform must not touch its import().
    await page.evaluate(
      `import('/dist/policy-explainer.js').then((m) => m.addStrings('fr', { delivery: { whyTitle: 'Pourquoi deux dates ?' } }))`,
    );
    const got = await takeOver(page, html, now);
    expect(got.text).toContain('Pourquoi deux dates ?');
    expect(got.text).not.toContain('Pourquoi une fourchette ?');
    expect(normalise(got.text)).toBe(await clientText(page, html, now));
    await context.close();
  });
});

describe('policy-explainer render --static, an order for an e-mail', () => {
  const order = [
    'dist/cli.js',
    'render',
    'tests/fixtures/examples/policy-full.json',
    '--element',
    'policy-summary',
    '--lang',
    'fr',
    '--now',
    '2026-03-02T10:17:00+01:00',
    '--delivered-on',
    '2026-02-27',
    '--ordered-at',
    '2026-03-02T09:17:00+01:00',
  ];
  const run = (...args: string[]) => spawnSync(process.execPath, [...order, ...args], { cwd: root, encoding: 'utf8' });

  it('is valid HTML, with no script, no custom element, no shadow root and no style sheet', async () => {
    const { stdout, status } = run('--static');
    expect(status).toBe(0);
    const report = await new HtmlValidate({
      extends: ['html-validate:recommended'],
      // E-mail clients read inline styles only.
      rules: { 'no-inline-style': 'off' },
    }).validateString(stdout);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
    expect(report.valid).toBe(true);
    expect(stdout).not.toMatch(/<script|<style|<link|<template|<slot|shadowroot|<[a-z]+-[a-z-]+[\s>]/i);
    // Its language, the delivery window, the return deadline and the cancellation terms, dates as <time datetime>.
    expect(stdout).toMatch(/^<div class="policy-summary" lang="fr">/);
    expect(stdout).toContain('<time datetime="2026-03-06">vendredi 6</time>');
    expect(stdout).toContain('<time datetime="2026-03-30">lundi 30 mars 2026</time>');
    expect(stdout).toContain('Annulation gratuite');
    expect(stdout).toMatch(/class="window" style="[^"]*font-weight:600/);
  });

  it('--text puts each block on its own line', () => {
    const { stdout, status } = run('--text');
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('Livraison');
    expect(lines).toContain('Livraison estimée entre le vendredi 6 et le mardi 10 mars');
    expect(lines).toContain('Vous pouvez nous renvoyer cet article jusqu’au lundi 30 mars 2026 inclus.');
    expect(stdout).not.toMatch(/[<>]/);
  });

  it('without --static: the element with its declarative shadow root', () => {
    const { stdout } = run();
    expect(stdout).toMatch(
      /^<policy-summary [^>]*lang="fr"[^>]*><template shadowroot="open" shadowrootmode="open"><style>/,
    );
    expect(stdout).toContain('<policy-delivery-window');
  });
});
