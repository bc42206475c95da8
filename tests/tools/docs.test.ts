import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { elementsOf, updateDocs, type Manifest } from '../../scripts/update-docs.mjs';

// docs/elements.md's tables of attributes, events, CSS parts and custom properties are written by
// `npm run docs` (scripts/update-docs.mjs) from custom-elements.json, which `cem analyze` reads from
// the elements' JSDoc. These tests fail when the docs say something else than the JSDoc, and when
// the JSDoc leaves out a part or a custom property the elements' code uses.

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = 'node_modules/.cache/docs-manifest';
const manifestPath = join(out, 'custom-elements.json');
const docsPath = 'docs/elements.md';
let manifest: Manifest;

beforeAll(() => {
  // The manifest of the sources as they are now, not the last build's.
  execFileSync(process.execPath, ['node_modules/.bin/cem', 'analyze', '--quiet', '--outdir', out], { cwd: root });
  manifest = JSON.parse(readFileSync(join(root, manifestPath), 'utf8'));
}, 30_000);

const check = (docs = docsPath) =>
  spawnSync(process.execPath, ['scripts/update-docs.mjs', '--check', '--manifest', manifestPath, '--docs', docs], {
    cwd: root,
    encoding: 'utf8',
  });

/** The docs with a copy's change, in a file of their own. */
function docsWith(change: (docs: string) => string) {
  const path = join(mkdtempSync(join(tmpdir(), 'docs-')), 'elements.md');
  writeFileSync(path, change(readFileSync(join(root, docsPath), 'utf8')));
  return path;
}

const BLOCKS = /(<!-- api:[a-z-]+ -->\n)[\s\S]*?(<!-- \/api -->)/g;

describe('docs/elements.md API tables', () => {
  it('are what the JSDoc says (else: npm run docs)', () => {
    const { status, stderr } = check();
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  it('--check fails on a stale table, a missing block and a block for no element', () => {
    const stale = check(docsWith((d) => d.replace('| `why` | The "Why a range?"', '| `why` | The "Why?"')));
    expect([stale.status, stale.stderr]).toEqual([1, expect.stringContaining('stale: run npm run docs')]);
    const missing = check(docsWith((d) => d.replace('<!-- api:policy-returns -->', '<!-- returns -->')));
    expect([missing.status, missing.stderr]).toEqual([
      1,
      expect.stringContaining('no <!-- api:policy-returns --> block'),
    ]);
    const unknown = check(docsWith((d) => `${d}\n<!-- api:policy-refunds -->\n<!-- /api -->\n`));
    expect([unknown.status, unknown.stderr]).toEqual([
      1,
      expect.stringContaining('policy-refunds, which is no element'),
    ]);
  });

  it('are written anew from empty blocks, the prose around them kept as it is', () => {
    const docs = readFileSync(join(root, docsPath), 'utf8');
    const emptied = docs.replace(BLOCKS, '$1$2');
    expect(emptied.length).toBeLessThan(docs.length - 5_000);
    expect(updateDocs(emptied, manifest)).toEqual({ text: docs, missing: [], unknown: [] });
  });

  it('name every attribute, event, part and custom property of each element', () => {
    const docs = readFileSync(join(root, docsPath), 'utf8');
    for (const element of elementsOf(manifest)) {
      const block = docs.split(`<!-- api:${element.tagName} -->`)[1]!.split('<!-- /api -->')[0]!;
      const names = [
        ...((element.attributes as { name: string }[]) ?? []).filter((a) => a.name !== 'lang'),
        ...((element.events as { name: string }[]) ?? []),
        ...(element.cssParts ?? []),
        ...(element.cssProperties?.filter((p) => !p.inheritedFrom) ?? []),
      ].map((x) => x.name);
      for (const name of names) expect(block, `${element.tagName}: ${name}`).toContain(`\`${name}\``);
    }
  });
});

describe("the elements' JSDoc", () => {
  const source = (file: string) => readFileSync(join(root, 'src/elements', file), 'utf8');
  const declared = (name: string) =>
    manifest.modules.flatMap((m) => (m.declarations ?? []) as { name: string }[]).find((d) => d.name === name) as
      { cssParts?: { name: string }[]; cssProperties?: { name: string }[] } | undefined;
  const files = () => [
    ['PolicyElement', 'policy-element.ts'],
    ...elementsOf(manifest).map((e) => [e.name, `${e.tagName}.ts`]),
  ];

  it('documents every custom property the styles read', () => {
    for (const [name, file] of files()) {
      const used = new Set([...source(file!).matchAll(/var\((--policy-[a-z-]+)/g)].map((m) => m[1]));
      const documented = declared(name!)?.cssProperties?.map((p) => p.name) ?? [];
      expect(
        [...used].filter((p) => !documented.includes(p!)),
        `${file}: undocumented`,
      ).toEqual([]);
    }
  });

  it('documents every part the templates name', () => {
    for (const [name, file] of files()) {
      // part="a b", part="section ${s}": the literal names; a part computed from a variable is not seen here.
      const used = new Set(
        [...source(file!).matchAll(/\spart="([^"]*)"/g)].flatMap((m) =>
          m[1]!
            .replace(/\$\{[^}]*\}/g, ' ')
            .split(/\s+/)
            .filter(Boolean),
        ),
      );
      const documented = declared(name!)?.cssParts?.map((p) => p.name) ?? [];
      expect(
        [...used].filter((p) => !documented.includes(p)),
        `${file}: undocumented`,
      ).toEqual([]);
    }
  });
});
