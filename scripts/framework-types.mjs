#!/usr/bin/env node
// Writes the elements' types for React 19's JSX (react.d.ts) and for Vue's templates (vue.d.ts) from
// custom-elements.json, so that the tags, their attributes and their events type-check in an app:
//
//   node scripts/framework-types.mjs [--manifest custom-elements.json] [--outdir dist/npm] [--from ./index.js]
//
// `--from` is the module the element classes and event detail types are imported from, as written
// in the generated files (the package's main entry beside them). Run by `npm run build`. An app
// turns them on with `import type {} from 'policy-explainer/react'` (or `/vue`) in any of its files.
//
// Why not custom-element-jsx-integration / custom-element-vuejs-integration: their output (v1.6 /
// v1.4) types the inherited `lang` as `Element["undefined"]`, gives React plain `BaseProps`
// (a `style` of strings, no `ref` to the element) instead of React's own props, and adds every
// tag to the global `JSX` namespace of whatever framework reads it. Ours is a page of code.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const HEADER = '// Generated from custom-elements.json by scripts/framework-types.mjs: do not edit.\n';

/** The custom elements the manifest declares (with a tag), in the manifest's order. */
export function elementsOf(manifest) {
  return manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement && d.tagName));
}

const camelize = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

/** A manifest type as TypeScript: `string | undefined` on an optional prop is just `string`. */
const typeOf = (type) =>
  (type?.text ?? 'string')
    .split('|')
    .map((t) => t.trim())
    .filter((t) => t !== 'undefined')
    .join(' | ') || 'unknown';

/** A JSDoc comment, indented; the manifest's text may hold anything but a comment's end. */
const doc = (text, indent) => {
  if (!text) return '';
  const lines = text.replaceAll('*/', '*\\/').split('\n');
  return `${indent}/**\n${lines.map((l) => `${indent} *${l ? ` ${l}` : ''}`).join('\n')}\n${indent} */\n`;
};

const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);

/** What an element accepts: its attributes, its properties without one, its events. */
function apiOf(element) {
  const attributes = (element.attributes ?? []).map((a) => ({
    name: a.name,
    type: typeOf(a.type),
    description: a.description ?? element.members?.find((m) => m.name === a.fieldName)?.description,
  }));
  const properties = (element.members ?? [])
    .filter((m) => m.kind === 'field' && !m.static && !m.privacy && !m.attribute && !m.readonly)
    .filter((m) => !attributes.some((a) => camelize(a.name) === m.name))
    .map((m) => ({ name: m.name, type: typeOf(m.type), description: m.description }));
  const events = (element.events ?? []).map((e) => ({
    name: e.name,
    type: e.type?.text ?? 'CustomEvent<unknown>',
    description: e.description,
  }));
  return { attributes, properties, events };
}

/** The names the types use, to import: the classes, and the event detail types. */
function importsOf(elements) {
  const names = new Set(elements.map((e) => e.name));
  for (const e of elements) {
    for (const event of apiOf(e).events) {
      for (const [name] of event.type.matchAll(/\b[A-Z]\w*/g)) {
        if (!['CustomEvent', 'Event'].includes(name)) names.add(name);
      }
    }
  }
  return [...names].sort();
}

export function generate(manifest, { from = './index.js' } = {}) {
  const elements = elementsOf(manifest);
  const imports = `import type {\n${importsOf(elements)
    .map((n) => `  ${n},\n`)
    .join('')}} from '${from}';\n`;

  // React 19 sets a prop that the element has as a property (`policy`, `method`) and any other as an
  // attribute (`heading-level`), and adds `on<event name>` as an event listener, name unchanged.
  let react = `${HEADER}import type { DetailedHTMLProps, HTMLAttributes } from 'react';\n${imports}\n`;
  // Vue's templates name props in camelCase (`heading-level` is `headingLevel`) and turn
  // `@policy-ready` into `onPolicyReady`, which runtime-dom listens to as `policy-ready`.
  let vue = `${HEADER}import type { DefineComponent } from 'vue';\n${imports}\n`;
  const reactTags = [];
  const vueTags = [];
  for (const element of elements) {
    const { attributes, properties, events } = apiOf(element);
    const fields = (nameOf, eventName) =>
      [
        ...attributes.map((a) => `${doc(a.description, '  ')}  ${key(nameOf(a.name))}?: ${a.type};\n`),
        ...properties.map((p) => `${doc(p.description, '  ')}  ${key(p.name)}?: ${p.type};\n`),
        ...events.map((e) => `${doc(e.description, '  ')}  ${key(eventName(e.name))}?: (event: ${e.type}) => void;\n`),
      ].join('');
    react += `/** \`<${element.tagName}>\`'s attributes, properties and events in JSX. */\nexport interface ${element.name}JsxProps {\n${fields(
      (n) => n,
      (n) => `on${n}`,
    )}}\n\n`;
    vue += `/** \`<${element.tagName}>\`'s attributes, properties and events in a Vue template. */\nexport interface ${element.name}VueProps {\n${fields(
      camelize,
      (n) => camelize(`on-${n}`),
    )}}\n\n`;
    const summary = (indent) =>
      doc(`${element.description ?? ''}\n\nSee docs/elements.md#${element.tagName}.`.trim(), indent);
    reactTags.push(
      `${summary('      ')}      '${element.tagName}': DetailedHTMLProps<HTMLAttributes<${element.name}>, ${element.name}> & ${element.name}JsxProps;\n`,
    );
    vueTags.push(`${summary('    ')}    '${element.tagName}': DefineComponent<${element.name}VueProps>;\n`);
  }
  react += `declare module 'react' {\n  namespace JSX {\n    interface IntrinsicElements {\n${reactTags.join('')}    }\n  }\n}\n`;
  vue += `declare module 'vue' {\n  interface GlobalComponents {\n${vueTags.join('')}  }\n}\n`;
  return { react, vue };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      manifest: { type: 'string', default: 'custom-elements.json' },
      outdir: { type: 'string', default: 'dist/npm' },
      from: { type: 'string', default: './index.js' },
    },
  });
  const manifest = JSON.parse(readFileSync(values.manifest, 'utf8'));
  const { react, vue } = generate(manifest, { from: values.from });
  mkdirSync(values.outdir, { recursive: true });
  writeFileSync(join(values.outdir, 'react.d.ts'), react);
  writeFileSync(join(values.outdir, 'vue.d.ts'), vue);
  // Types only; an empty module beside each, so that an app's `import 'policy-explainer/react'`
  // (not `import type`) resolves and bundles to nothing.
  const empty = `${HEADER}// Types only: see the .d.ts beside this file.\nexport {};\n`;
  writeFileSync(join(values.outdir, 'react.js'), empty);
  writeFileSync(join(values.outdir, 'vue.js'), empty);
  console.log(`framework-types: ${elementsOf(manifest).length} elements → ${values.outdir}/react.d.ts, vue.d.ts`);
}
