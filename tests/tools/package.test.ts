import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
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

  it('ships types for both entry points and one self-contained browser module', () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
    for (const entry of ['.', './core']) expect(existsSync(new URL(pkg.exports[entry].types, root)), entry).toBe(true);
    const bundle = readFileSync(new URL('dist/policy-explainer.js', root), 'utf8');
    expect(bundle).not.toMatch(/^\s*import\s|from\s*["'](lit|i18next|date-fns|@date-fns)/m);
    expect(bundle).toContain('policy-delivery-window');
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
