#!/usr/bin/env node
// Writes the API tables of docs/elements.md (attributes, events, CSS parts, CSS custom properties)
// from custom-elements.json, so that they say what the elements' JSDoc says: `npm run docs`.
// Each element's tables sit between `<!-- api:<tag> -->` and `<!-- /api -->`; the prose around
// them is left as written. `--check` changes nothing and exits 1 when the tables are stale.
//
//   node scripts/update-docs.mjs [--check] [--manifest custom-elements.json] [--docs docs/elements.md]
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

/** The attributes every HTML element has: the docs explain them once, under "Language". */
const GLOBAL_ATTRIBUTES = new Set(['lang']);

const BLOCK = /(<!-- api:([a-z-]+) -->\n)[\s\S]*?(<!-- \/api -->)/g;

/** The custom elements the manifest declares (with a tag). */
export const elementsOf = (manifest) =>
  manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement && d.tagName));

/** A table cell: one line, no unescaped `|`. */
const cell = (text = '') => text.replace(/\s*\n\s*/g, ' ').replaceAll('|', '\\|');
const code = (text) => `\`${text}\``;
const typeOf = (type) =>
  code(
    (type?.text ?? 'string')
      .split('|')
      .map((t) => t.trim())
      .filter((t) => t !== 'undefined')
      .join(' | ') || 'unknown',
  );
const table = (head, rows) =>
  rows.length
    ? `| ${head.join(' | ')} |\n| ${head.map(() => '---').join(' | ')} |\n${rows.map((r) => `| ${r.map(cell).join(' | ')} |\n`).join('')}`
    : '';
/** "`a`, `b` and `c`" */
const list = (names) => {
  const coded = names.map(code);
  return coded.length > 1 ? `${coded.slice(0, -1).join(', ')} and ${coded.at(-1)}` : (coded[0] ?? '');
};

/** The tables of one element, as Markdown. */
export function apiTables(element, shared) {
  // The analyzer marks an item the element re-declares (its own `--policy-radius`) as inherited too:
  // one with a description of its own is the element's.
  const own = (item) =>
    !item.inheritedFrom ||
    ![...(shared?.cssParts ?? []), ...(shared?.cssProperties ?? [])].some(
      (s) => s.name === item.name && s.description === item.description,
    );
  const attributes = (element.attributes ?? []).filter((a) => !GLOBAL_ATTRIBUTES.has(a.name));
  const propertiesOnly = (element.members ?? []).filter(
    (m) =>
      m.kind === 'field' &&
      !m.static &&
      !m.privacy &&
      !m.attribute &&
      !m.readonly &&
      !attributes.some((a) => a.fieldName === m.name),
  );
  const described = (name) => element.members?.find((m) => m.name === name)?.description;
  const parts = element.cssParts ?? [];
  const properties = element.cssProperties ?? [];
  const sharedParts = parts.filter((p) => !own(p)).map((p) => p.name);
  const sharedProperties = properties.filter((p) => !own(p)).map((p) => p.name);

  const blocks = [
    table(
      ['Attribute', 'Property', 'Type', 'Description'],
      [
        ...attributes.map((a) => [
          code(a.name),
          a.fieldName ? code(a.fieldName) : '—',
          typeOf(a.type),
          a.description ?? described(a.fieldName) ?? '',
        ]),
        ...propertiesOnly.map((m) => ['—', code(m.name), typeOf(m.type), m.description ?? '']),
      ],
    ),
    table(
      ['Event', '`detail`', 'When'],
      (element.events ?? []).map((e) => [
        code(e.name),
        code(/^CustomEvent<(.*)>$/.exec(e.type?.text ?? '')?.[1] ?? 'unknown'),
        e.description ?? '',
      ]),
    ),
    table(
      ['CSS part', 'What it is'],
      parts.filter(own).map((p) => [code(p.name), p.description ?? '']),
    ),
    sharedParts.length ? `Also the [shared parts](#parts) ${list(sharedParts)}.` : '',
    table(
      ['CSS custom property', 'Used for'],
      properties.filter(own).map((p) => [code(p.name), p.description ?? '']),
    ),
    sharedProperties.length ? 'Also the [shared custom properties](#custom-properties).' : '',
  ];
  return blocks
    .map((b) => b.trim())
    .filter(Boolean)
    .join('\n\n');
}

/** The class the elements share (PolicyElement): the one their inherited parts come from. */
function sharedOf(manifest) {
  const [first] = elementsOf(manifest);
  const name = [...(first?.cssParts ?? []), ...(first?.cssProperties ?? [])].find((x) => x.inheritedFrom)?.inheritedFrom
    ?.name;
  return manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.kind === 'class' && d.name === name);
}

/** The parts every element has (the shared class's). */
function sharedParts(manifest) {
  return table(
    ['CSS part', 'What it is'],
    (sharedOf(manifest)?.cssParts ?? []).map((p) => [code(p.name), p.description ?? '']),
  ).trim();
}

/** Every custom property: the shared ones, then each element's own. */
function allCustomProperties(manifest) {
  const shared = sharedOf(manifest);
  const rows = [
    ...(shared?.cssProperties ?? []).map((p) => [code(p.name), 'every element', p.description ?? '']),
    ...elementsOf(manifest).flatMap((e) =>
      (e.cssProperties ?? [])
        .filter((p) => !shared?.cssProperties?.some((s) => s.name === p.name && s.description === p.description))
        .map((p) => [code(p.name), `[\`<${e.tagName}>\`](#${e.tagName})`, p.description ?? '']),
    ),
  ];
  return table(['Custom property', 'Element', 'Used for'], rows).trim();
}

/** The docs with every marked block written anew; `missing` lists the elements without a block. */
export function updateDocs(docs, manifest) {
  const elements = new Map(elementsOf(manifest).map((e) => [e.tagName, e]));
  const special = new Map([
    ['parts', () => sharedParts(manifest)],
    ['custom-properties', () => allCustomProperties(manifest)],
  ]);
  const seen = new Set();
  const unknown = [];
  const text = docs.replace(BLOCK, (whole, open, tag, close) => {
    if (special.has(tag)) return `${open}\n${special.get(tag)()}\n\n${close}`;
    const element = elements.get(tag);
    if (!element) {
      unknown.push(tag);
      return whole;
    }
    seen.add(tag);
    return `${open}\n${apiTables(element, sharedOf(manifest))}\n\n${close}`;
  });
  return { text, missing: [...elements.keys()].filter((t) => !seen.has(t)), unknown };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      check: { type: 'boolean', default: false },
      manifest: { type: 'string', default: 'custom-elements.json' },
      docs: { type: 'string', default: 'docs/elements.md' },
    },
  });
  const manifest = JSON.parse(readFileSync(values.manifest, 'utf8'));
  const docs = readFileSync(values.docs, 'utf8');
  const { text, missing, unknown } = updateDocs(docs, manifest);
  for (const tag of missing) console.error(`update-docs: ${values.docs} has no <!-- api:${tag} --> block`);
  for (const tag of unknown) console.error(`update-docs: ${values.docs} has a block for ${tag}, which is no element`);
  if (values.check) {
    if (text !== docs) {
      console.error(`update-docs: the API tables of ${values.docs} are stale: run npm run docs`);
    }
    process.exitCode = text !== docs || missing.length || unknown.length ? 1 : 0;
  } else {
    if (text !== docs) writeFileSync(values.docs, text);
    console.log(`update-docs: ${values.docs} ${text === docs ? 'was up to date' : 'updated'}`);
    process.exitCode = missing.length || unknown.length ? 1 : 0;
  }
}
