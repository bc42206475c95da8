/**
 * Server rendering (`policy-explainer/server`): an element's HTML, with its shadow root declared
 * in the markup (`<template shadowrootmode="open">`), so that a page shows the dates before any
 * script runs. Lit's own server renderer renders the elements' own templates: the same markup,
 * parts and text the browser shows for that policy, language and instant. Node only; needs
 * `@lit-labs/ssr`.
 */
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
// Every element, registered in the registry of Lit's DOM shim: the summary's and the kiosk's
// sections render in their shadow roots too.
import './define/index.js';
import { readInstant } from './core/calendar.js';
// The check's words, at once: a render is synchronous, and a bad policy renders its fallback.
import './core/messages.js';
import { plainText, staticHtml } from './static-html.js';
import { preloadLanguage, serverLanguage, stringsLoading } from './elements/localize.js';
import { pinnedAt, renderedAtValue } from './elements/time.js';

export type AttributeValue = string | number | boolean | null | undefined;

export interface RenderElementOptions {
  /** The element's tag: `policy-summary`, `policy-delivery-window`, `policy-returns`... */
  element: string;
  /** The policy, raw (as read from its JSON file) or from `parsePolicy`; checked as the elements check it. */
  policy: unknown;
  /**
   * The element's attributes, as on the page: `{ method: 'express', 'delivered-on': '2026-03-10' }`.
   * `true` writes the attribute bare; `false`, `null` and `undefined` leave it out.
   */
  attributes?: Record<string, AttributeValue>;
  /** The language to render in (`fr`, `es`, `en`, `fr-CA`...), set as the element's `lang`. */
  lang: string;
  /**
   * The instant to render at (default: now): a Date, milliseconds since the epoch, or an ISO 8601
   * string (without an offset, on the shop's own clock: `2026-12-24T10:00`).
   */
  now?: Date | number | string;
  /**
   * The shopper's time zone, for the cutoff's time of day ("order before 2 pm"), which the browser
   * gives on the shopper's own clock. Default: the shop's (`merchant.timeZone`).
   */
  timeZone?: string;
  /**
   * Whether the policy is written into the element, as the `<script type="application/json">` the
   * elements read (default `true`): the element in the browser then takes over the server's HTML
   * without fetching the policy. `false` leaves it to the element's `src`, fetched in the browser.
   */
  inlinePolicy?: boolean;
}

/** An attribute name as HTML writes it; anything else could break out of the tag. */
const ATTRIBUTE = /^[a-z][a-z0-9-]*$/;

/**
 * Template strings made at run time, one per tag and attribute list: Lit's renderer caches a
 * template by its strings array, so the same element with the same attributes is parsed once.
 */
const templates = new Map<string, TemplateStringsArray>();
function templateFor(tag: string, names: string[]): TemplateStringsArray {
  const key = [tag, ...names].join(' ');
  let strings = templates.get(key);
  if (!strings) {
    // <tag a=${…} b=${…} .policy=${…}></tag>
    const list = [...names.map((name) => ` ${name}=`), ' .policy=', `></${tag}>`];
    list[0] = `<${tag}${list[0]}`;
    strings = Object.assign(list, { raw: list }) as unknown as TemplateStringsArray;
    templates.set(key, strings);
  }
  return strings;
}

/** The merchant's time zone, read as the elements read it (the policy may be raw and wrong). */
function merchantZone(policy: unknown): string | undefined {
  const zone = (policy as { merchant?: { timeZone?: unknown } } | null)?.merchant?.timeZone;
  if (typeof zone !== 'string') return undefined;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
/**
 * The element's HTML, rendered on the server: the element with its attributes and `lang`, and
 * its shadow root declared in the markup (its styles, then what it shows). The policy is checked
 * as the element checks it: a policy it cannot show renders the element's polite fallback, as
 * in the browser. Resolves once the language's strings are loaded (the first render in a
 * language loads them; later ones are synchronous but for that).
 *
 * ```js
 * import { renderElement } from 'policy-explainer/server';
 * const html = await renderElement({ element: 'policy-summary', policy, lang: 'fr' });
 * ```
 */
export async function renderElement(options: RenderElementOptions): Promise<string> {
  const { element, policy, attributes = {}, lang } = options;
  if (!element.startsWith('policy-') || !customElements.get(element)) {
    throw new TypeError(`"${element}" is not a policy-explainer element`);
  }
  const shop = merchantZone(policy);
  const at = readInstant(options.now ?? Date.now(), shop ?? 'UTC', '"now"');
  const timeZone = options.timeZone ?? shop;
  const names: string[] = [];
  const values: unknown[] = [];
  // When and where the times were read: the browser's first render reads the same, to take the
  // server's HTML over as it is (then it renders again, on its own clock).
  const rendered = { 'data-rendered-at': renderedAtValue(at, timeZone), lang };
  for (const [name, value] of Object.entries<AttributeValue>({ ...attributes, ...rendered })) {
    if (!ATTRIBUTE.test(name)) throw new TypeError(`"${name}" is not an attribute name`);
    if (value === false || value === null || value === undefined) continue;
    names.push(name);
    values.push(value === true ? '' : String(value));
  }
  // The strings of the language (or English, for one not shipped) loaded before the render.
  preloadLanguage(lang);
  for (let pending = stringsLoading(); pending; pending = stringsLoading()) await pending;
  const result = renderNow(html(templateFor(element, names), ...values, policy), lang, at, timeZone);
  const inline = options.inlinePolicy === false ? undefined : policyScript(policy);
  return inline ? `${result.slice(0, -`</${element}>`.length)}${inline}</${element}>` : result;
}

/**
 * Renders synchronously, in `lang`, with the elements' clock pinned to the instant `at` and their
 * times of day read in the shopper's `timeZone`: nothing else runs meanwhile, so renders in other
 * languages, instants or zones never mix, and the process's own clock and zone are left alone.
 */
function renderNow(template: unknown, lang: string, at: number, timeZone: string | undefined): string {
  serverLanguage(lang);
  try {
    return pinnedAt(at, timeZone, () => tidy(collectResultSync(render(template))));
  } finally {
    serverLanguage(undefined);
  }
}

/**
 * The policy as the element reads it inline, `<script type="application/json">`: every `<` written
 * `\u003c`, so that no text of the policy can close the script or open a comment. Nothing for a
 * policy JSON cannot write (the element shows the fallback for it either way).
 */
function policyScript(policy: unknown): string | undefined {
  let json: string | undefined;
  try {
    json = JSON.stringify(policy);
  } catch {
    return undefined;
  }
  return json === undefined ? undefined : `<script type="application/json">${json.replace(/</g, '\\u003c')}</script>`;
}

/**
 * The element alone: without the markers of the one-element template it was rendered from (its
 * shadow root keeps Lit's, for hydration), and with one space before its first attribute.
 */
const tidy = (html: string) =>
  html
    .replace(/^<!--lit-part [^>]*--><!--lit-node 0-->/, '')
    .replace(/<!--\/lit-part-->$/, '')
    .replace(/^(<[a-z][a-z0-9-]*)\s+/, '$1 ');

/**
 * The element as plain HTML for e-mails and print (see `staticHtml`): inline styles, no custom
 * element, no shadow root, no script; `lang` set, dates as `<time datetime>`.
 */
export const renderStaticHtml = async (options: RenderElementOptions) =>
  staticHtml(await renderElement({ ...options, inlinePolicy: false }));

/** The element as plain text, each block on its own line: an e-mail's text part. */
export const renderText = async (options: RenderElementOptions) => plainText(await renderStaticHtml(options));
