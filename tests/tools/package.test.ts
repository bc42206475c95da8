import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const ELEMENTS = [
  'policy-delivery-window',
  'policy-returns',
  'policy-non-refundable',
  'policy-cancellation',
  'policy-summary',
  'policy-kiosk',
  'policy-withdrawal',
];
const run = (code: string) =>
  execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, encoding: 'utf8' });

/** What a Node 20 user of the published package gets: `policy-explainer/core` from dist/. */
describe('the package, as built', () => {
  beforeAll(() => {
    if (!existsSync(new URL('dist/core.js', root))) execFileSync('npm', ['run', '--silent', 'build'], { cwd: root });
  }, 120_000);

  it("quotes the spec's worked example through import { quoteDelivery } from 'policy-explainer/core'", () => {
    const out = run(`
      import { quoteDelivery } from 'policy-explainer/core';
      const policy = JSON.parse(${JSON.stringify(readFileSync(new URL('tests/fixtures/examples/01-seed-example.json', root), 'utf8'))}).policy;
      console.log(JSON.stringify(quoteDelivery(policy, { now: '2026-03-02T10:00:00+01:00' }).quoted));
    `);
    expect(JSON.parse(out)).toEqual({ earliest: '2026-03-06', latest: '2026-03-10', minDays: 4, maxDays: 6 });
  });

  it('gives the checker a PolicyError with JSON Pointer paths, without a DOM', () => {
    const out = run(`
      import { parsePolicy, PolicyError } from 'policy-explainer/core';
      try { parsePolicy({ version: 1, merchant: {} }); } catch (e) { console.log(JSON.stringify([e instanceof PolicyError, e.issues[0].path])); }
    `);
    expect(JSON.parse(out)).toEqual([true, '/merchant/timeZone']);
  });

  it('ships types for every entry point, each file where package.json says', () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
    const entries = ['.', './define', './core', './server', './react', './vue'];
    for (const entry of entries) {
      expect(existsSync(new URL(pkg.exports[entry].types, root)), `${entry} types`).toBe(true);
      expect(existsSync(new URL(pkg.exports[entry].default, root)), `${entry} code`).toBe(true);
    }
    for (const tag of ELEMENTS) {
      for (const ext of ['js', 'd.ts'])
        expect(existsSync(new URL(`dist/npm/define/${tag}.${ext}`, root)), `${tag}.${ext}`).toBe(true);
    }
  });

  // An SSR pass (Next.js, Astro, Nuxt, Lit SSR) imports the package in plain Node: no document,
  // window or HTMLElement may be touched on import.
  for (const entry of [
    'policy-explainer',
    'policy-explainer/define',
    ...ELEMENTS.map((tag) => `policy-explainer/define/${tag}`),
    'policy-explainer/core',
    'policy-explainer/react',
    'policy-explainer/vue',
    'policy-explainer/embed',
    'policy-explainer/dev',
    'policy-explainer/server',
  ]) {
    it(`imports ${entry} in plain Node without throwing`, () => {
      const out = run(`
        const m = await import('${entry}');
        console.log(JSON.stringify([typeof document, Object.keys(m).length >= 0]));
      `);
      expect(JSON.parse(out)).toEqual(['undefined', true]);
    });
  }

  it("gives a server the element classes, and registers them in Lit's server DOM shim", () => {
    const out = run(`
      const { PolicyDeliveryWindow, quoteDelivery } = await import('policy-explainer');
      await import('policy-explainer/define');
      console.log(JSON.stringify([typeof PolicyDeliveryWindow, typeof quoteDelivery, customElements.get('policy-kiosk')?.name]));
    `);
    expect(JSON.parse(out)).toEqual(['function', 'function', 'PolicyKiosk']);
  });

  it('the embed and its chunks import nothing by bare name: one folder, hosted anywhere', () => {
    const files = [
      'dist/policy-explainer.js',
      ...readdirSync(new URL('dist/chunks/', root))
        .filter((f) => f.endsWith('.js'))
        .map((f) => `dist/chunks/${f}`),
    ];
    expect(files.length).toBeGreaterThan(6);
    for (const file of files) {
      const code = readFileSync(new URL(file, root), 'utf8');
      for (const [, specifier] of code.matchAll(/(?:\}\s*from|\bimport\s*\(?)\s*["']([^"']+)["']/g))
        expect(specifier, `${file} imports ${specifier}`).toMatch(/^\.\.?\//);
    }
  });
});

describe('the custom elements manifest, generated at build', () => {
  it('lists every element with its attributes, events and parts, for editors and frameworks', () => {
    if (!existsSync(new URL('custom-elements.json', root)))
      execFileSync('npm', ['run', '--silent', 'build'], { cwd: root });
    const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
    const elements = new Map<
      string,
      { attributes?: { name: string }[]; events?: { name: string }[]; cssParts?: { name: string }[] }
    >();
    for (const mod of manifest.modules)
      for (const d of mod.declarations ?? []) if (d.tagName) elements.set(d.tagName, d);
    expect([...elements.keys()].sort()).toEqual([
      'policy-cancellation',
      'policy-delivery-window',
      'policy-kiosk',
      'policy-non-refundable',
      'policy-returns',
      'policy-summary',
      'policy-withdrawal',
    ]);
    const names = (list?: { name: string }[]) => (list ?? []).map((x) => x.name);
    expect(names(elements.get('policy-delivery-window')!.attributes)).toEqual(
      expect.arrayContaining(['src', 'lang', 'method', 'country']),
    );
    expect(names(elements.get('policy-returns')!.attributes)).toContain('delivered-on');
    for (const [tag, d] of elements) {
      expect(names(d.events), tag).toEqual(expect.arrayContaining(['policy-ready', 'policy-error']));
      expect(names(d.cssParts), tag).toEqual(expect.arrayContaining(['content', 'fallback', 'link']));
    }
  });
});
