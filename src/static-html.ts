/**
 * An element's server-rendered HTML made plain, for e-mails and print: no custom element, no
 * shadow root, no style sheet, no script; inline styles only, `lang` kept, dates still
 * `<time datetime>`. And the same as plain text. The words are the element's own (the server
 * render's), so there is one source of wording.
 */

/**
 * An HTML comment (or `<?>`, a marker of Lit's, which HTML reads as one), a start or end tag (its
 * attributes quoted as Lit writes them), or text.
 */
const TOKEN =
  /<!--[\s\S]*?-->|<\?[^>]*>|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>|[^<]+|</g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'wbr']);
/** Attributes that mean something without the elements' script and styles. */
const KEPT = new Set(['lang', 'dir', 'datetime', 'href', 'rel', 'target', 'role', 'aria-label', 'title']);
/** What a reader cannot use without a script: the kiosk's language buttons. */
const DROPPED_PARTS = new Set(['switch']);

/** The elements' look, as inline styles: e-mail clients ignore style sheets. */
const PART_STYLES: Record<string, string> = {
  window: 'font-size:1.1em;font-weight:600',
  headline: 'font-size:1.1em;font-weight:600',
  method: 'font-weight:600',
  title: 'font-weight:700',
  heading: 'font-size:1.1em;margin:1em 0 0.4em',
  explanation: 'color:#555555',
  note: 'color:#555555',
  days: 'color:#555555',
  loading: 'color:#555555',
  fallback: 'padding:0.5em 0.75em;border-radius:0.25em;background:#f2f2f2',
  option: 'margin:0 0 1em',
  section: 'margin:0 0 1em',
};
const TAG_STYLES: Record<string, string> = { p: 'margin:0 0 0.35em' };
const CLASS_STYLES: Record<string, string> = {
  compound: 'white-space:nowrap',
  'visually-hidden': 'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap',
};
/** Elements the e-mail HTML writes otherwise: a disclosure is shown open, its question in bold. */
const RENAMED: Record<string, string> = { details: 'div', summary: 'p' };

interface Tag {
  name: string;
  attributes: Map<string, string>;
}

function attributesOf(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of text.matchAll(ATTRIBUTE)) map.set(m[1]!.toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '');
  return map;
}

const escapeAttribute = (value: string) => value.replace(/&(?![a-z#0-9]+;)/gi, '&amp;').replace(/"/g, '&quot;');

function startTag({ name, attributes }: Tag, host?: string): string {
  const parts = (attributes.get('part') ?? '').split(/\s+/).filter(Boolean);
  const classes = [...(host ? [host] : []), ...parts, ...(attributes.get('class') ?? '').split(/\s+/).filter(Boolean)];
  const styles = [
    TAG_STYLES[name],
    ...parts.map((p) => PART_STYLES[p]),
    ...classes.map((c) => CLASS_STYLES[c]),
    name === 'summary' ? 'font-weight:600' : undefined,
    // A phone number is never broken across lines (the element's style sheet says it too).
    name === 'a' && attributes.get('href')?.startsWith('tel:') ? 'white-space:nowrap' : undefined,
  ].filter(Boolean);
  let out = `<${host ? 'div' : (RENAMED[name] ?? name)}`;
  if (classes.length) out += ` class="${escapeAttribute([...new Set(classes)].join(' '))}"`;
  if (styles.length) out += ` style="${styles.join(';')}"`;
  for (const [attribute, value] of attributes)
    if (KEPT.has(attribute)) out += ` ${attribute}="${escapeAttribute(value)}"`;
  return `${out}>`;
}

/**
 * The server-rendered HTML of an element (`renderElement`'s) as plain HTML: each custom element
 * becomes a `<div>` holding what its shadow root shows (classed with its tag and its parts),
 * without `<style>`, `<template>`, `<slot>`, comments or script; the parts' look as inline styles.
 */
export function staticHtml(rendered: string): string {
  let out = '';
  /** The names written for the tags open, to close each as it was opened ('' for a tag left out). */
  const open: string[] = [];
  /** While inside a part left out (or a style or script), the depth of tags opened in it. */
  let skipping = 0;
  for (const m of rendered.matchAll(TOKEN)) {
    const [token, closing, rawName, rawAttributes] = m;
    if (token.startsWith('<!--') || token.startsWith('<?')) continue;
    if (rawName === undefined) {
      if (!skipping) out += token === '<' ? '&lt;' : token;
      continue;
    }
    const name = rawName.toLowerCase();
    if (closing) {
      if (VOID.has(name)) continue;
      const written = open.pop();
      if (skipping) skipping--;
      else if (written) out += `</${written}>`;
      continue;
    }
    const tag: Tag = { name, attributes: attributesOf(rawAttributes ?? '') };
    const parts = (tag.attributes.get('part') ?? '').split(/\s+/);
    if (skipping || ['style', 'script', 'button'].includes(name) || parts.some((p) => DROPPED_PARTS.has(p))) {
      if (!VOID.has(name)) {
        open.push('');
        skipping++;
      }
      continue;
    }
    if (name === 'template' || name === 'slot') {
      open.push('');
      continue;
    }
    const host = name.includes('-') ? name : undefined;
    out += startTag(tag, host);
    if (!VOID.has(name)) open.push(host ? 'div' : (RENAMED[name] ?? name));
  }
  // Lit's template whitespace: one line per block, no blank lines.
  return out
    .replace(/\n\s*\n/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .trim();
}

const BLOCKS = new Set(['div', 'p', 'section', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'table', 'tr']);
const HEADINGS = /^h[1-6]$/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export const decodeEntities = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, code: string) =>
    code[0] === '#'
      ? String.fromCodePoint(code[1]!.toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10))
      : (ENTITIES[code.toLowerCase()] ?? whole),
  );

/**
 * The plain-text version of `staticHtml`'s output: each block on its own line, a blank line
 * before each heading, a list item after "- ", a link's address after its words.
 */
export function plainText(html: string): string {
  const lines: string[] = [];
  let line = '';
  let href: string | undefined;
  /** For each tag open, whether it hides its words (visually hidden: for screen readers only). */
  const hiding: boolean[] = [];
  let hidden = 0;
  const end = () => {
    const text = line.replace(/[ \t\n\r\f]+/g, ' ').trim();
    if (text) lines.push(text);
    line = '';
  };
  for (const m of html.matchAll(TOKEN)) {
    const [token, closing, rawName, rawAttributes] = m;
    if (token.startsWith('<!--') || token.startsWith('<?')) continue;
    if (rawName === undefined) {
      if (!hidden) line += decodeEntities(token);
      continue;
    }
    const name = rawName.toLowerCase();
    const attributes = attributesOf(rawAttributes ?? '');
    if (!VOID.has(name)) {
      if (closing) hidden -= hiding.pop() ? 1 : 0;
      else {
        const hides = /\bvisually-hidden\b/.test(attributes.get('class') ?? '');
        hiding.push(hides);
        if (hides) hidden++;
      }
    }
    if (name === 'a') {
      if (!closing) href = attributes.get('href');
      else if (href) {
        line += ` (${decodeEntities(href)})`;
        href = undefined;
      }
    }
    if (name === 'br') end();
    if (BLOCKS.has(name)) {
      end();
      if (!closing && HEADINGS.test(name) && lines.length) lines.push('');
      if (!closing && name === 'li') line = '- ';
    }
  }
  end();
  return lines.join('\n');
}
