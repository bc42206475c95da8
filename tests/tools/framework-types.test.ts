import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

// The React and Vue types an app gets (scripts/framework-types.mjs, from custom-elements.json),
// compiled the way such apps compile: tests/types/App.tsx with tsc (strict, react-jsx, React 19's
// types) and tests/types/App.vue with vue-tsc (strictTemplates). The fixtures use every element,
// attribute and event; their @ts-expect-error / @vue-expect-error lines are mistakes the types must
// refuse, so types that let anything through fail too.

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = 'node_modules/.cache/framework-types';
const run = promisify(execFile);

interface Element {
  tagName?: string;
  customElement?: boolean;
  attributes?: { name: string }[];
  events?: { name: string; type?: { text: string } }[];
}
let elements: Element[] = [];

beforeAll(() => {
  // A manifest of the sources as they are now, not the last build's; the types import from src/.
  execFileSync(process.execPath, ['node_modules/.bin/cem', 'analyze', '--quiet', '--outdir', out], { cwd: root });
  execFileSync(
    process.execPath,
    [
      'scripts/framework-types.mjs',
      '--manifest',
      `${out}/custom-elements.json`,
      '--outdir',
      out,
      '--from',
      '../../../src/index.js',
    ],
    { cwd: root },
  );
  const manifest = JSON.parse(readFileSync(join(root, out, 'custom-elements.json'), 'utf8'));
  elements = manifest.modules.flatMap((m: { declarations?: Element[] }) =>
    (m.declarations ?? []).filter((d) => d.customElement && d.tagName),
  );
}, 30_000);

/** The compiler's complaints, one a line; none when the fixture compiles. */
async function compile(bin: string, tsconfig: string) {
  try {
    await run(process.execPath, [join(root, bin), '-p', tsconfig], { cwd: root });
    return '';
  } catch (e) {
    const { stdout, stderr } = e as { stdout: string; stderr: string };
    return `${stdout}${stderr}`.trim() || String(e);
  }
}

/** Each opening tag of a fixture, by element: its source text, attributes and all. */
function tagsIn(source: string, tag: string) {
  return [...source.matchAll(new RegExp(`<${tag}\\s([\\s\\S]*?)/>`, 'g'))].map((m) => m[1]!);
}

describe('framework types', () => {
  it('declare every element with its attributes, and both events typed', () => {
    expect(elements.map((e) => e.tagName).sort()).toEqual([
      'policy-cancellation',
      'policy-delivery-window',
      'policy-kiosk',
      'policy-non-refundable',
      'policy-returns',
      'policy-summary',
      'policy-withdrawal',
    ]);
    for (const e of elements) {
      expect(
        e.events?.map((ev) => [ev.name, ev.type?.text?.startsWith('CustomEvent<')]),
        e.tagName,
      ).toEqual([
        ['policy-ready', true],
        ['policy-error', true],
      ]);
    }
  });

  for (const [fixture, event] of [
    ['App.tsx', (name: string) => `on${name}={`],
    ['App.vue', (name: string) => `@${name}="`],
  ] as const) {
    it(`${fixture} uses every element, every attribute and both events, reading the detail`, () => {
      const source = readFileSync(join(root, 'tests/types', fixture), 'utf8');
      for (const { tagName, attributes = [], events = [] } of elements) {
        // The first use of each tag is the complete one; the later ones are the mistakes.
        const [full] = tagsIn(source, tagName!);
        expect(full, `<${tagName}> in ${fixture}`).toBeDefined();
        for (const { name } of attributes) expect(full, `${tagName} ${name}`).toMatch(new RegExp(`(^|[\\s:])${name}=`));
        for (const { name } of events) {
          expect(full, `${tagName} ${name}`).toContain(event(name));
          expect(full!.split(event(name))[1], `${tagName} ${name}`).toMatch(/^\(e\) => [^\n]*e\.detail\.\w+/);
        }
      }
    });
  }

  it('compile: React 19 JSX (tsc strict) and a Vue SFC (vue-tsc strictTemplates), mistakes refused', async () => {
    const [react, vue] = await Promise.all([
      compile('node_modules/typescript/bin/tsc', 'tests/types/tsconfig.react.json'),
      compile('node_modules/vue-tsc/bin/vue-tsc.js', 'tests/types/tsconfig.vue.json'),
    ]);
    expect(react, 'tsc -p tests/types/tsconfig.react.json').toBe('');
    expect(vue, 'vue-tsc -p tests/types/tsconfig.vue.json').toBe('');
  }, 60_000);
});
