/**
 * Writes tests/fixtures/schema-org-vocabulary.json: schema.org's types, their properties and their
 * enumeration members, read from the type declarations of the `schema-dts` package (generated from
 * schema.org's own release). tests/core/jsonld.test.ts holds the JSON-LD the policy makes to it, so
 * that no type, property or enumeration value is one schema.org does not have.
 *
 * Run after upgrading schema-dts: node scripts/schema-vocabulary.mjs
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const version = JSON.parse(readFileSync(require.resolve('schema-dts/package.json'), 'utf8')).version;
const dts = readFileSync(require.resolve('schema-dts/dist/schema.d.ts'), 'utf8');

/** Each `interface XBase extends ...` block: its parents and own properties. */
const bases = {};
for (const m of dts.matchAll(/^interface (\w+)Base extends ([^{]+)\{([\s\S]*?)^\}/gm)) {
  const parents = m[2]
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.endsWith('Base'))
    .map((p) => p.slice(0, -'Base'.length));
  const properties = [...m[3].matchAll(/^ {4}"([A-Za-z][\w-]*)"\?:/gm)].map((p) => p[1]);
  bases[m[1]] = { parents: [...new Set(parents)], properties };
}

/** Each type: the base its `XLeaf` extends (a type without properties of its own extends its parent's). */
const types = {};
for (const m of dts.matchAll(/^export interface (\w+)Leaf extends (\w+)Base \{\s*"@type": "([\w:]+)";/gm)) {
  if (m[3].includes(':')) continue; // another vocabulary's term (rdf:Property, owl:Class...)
  types[m[3]] = m[2];
}

/** Enumeration members, as schema.org URLs. */
const members = new Set();
for (const m of dts.matchAll(/"https:\/\/schema\.org\/(\w+)"/g)) members.add(m[1]);

const vocabulary = {
  source: `schema-dts ${version} (node_modules/schema-dts/dist/schema.d.ts), written by scripts/schema-vocabulary.mjs`,
  types,
  bases,
  members: [...members].sort(),
};
writeFileSync(
  new URL('../tests/fixtures/schema-org-vocabulary.json', import.meta.url),
  `${JSON.stringify(vocabulary, null, 0)}\n`,
);
console.log(
  `${Object.keys(types).length} types, ${Object.keys(bases).length} property lists, ${members.size} members (schema-dts ${version})`,
);
