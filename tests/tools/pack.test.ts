/**
 * The package as npm publishes it: `npm pack` once, then what is in the tarball (no screenshots, no
 * tests, every entry the README names, every file an entry reaches), its size, and the two linters
 * the ecosystem runs on packages: publint --strict and Are the Types Wrong (attw).
 */
import { execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import ts from 'typescript';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const ELEMENTS = [
  'policy-delivery-window',
  'policy-returns',
  'policy-non-refundable',
  'policy-cancellation',
  'policy-summary',
  'policy-kiosk',
  'policy-withdrawal',
];
/** The most the tarball may weigh: it was 6.3 MB with the screenshots. */
const MAX_PACKED = 1_000_000;

interface Packed {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: { path: string }[];
}
let scratch = '';
let packed: Packed;
let files: Set<string>;
/** The tarball's package/ folder, unpacked. */
let unpacked = '';
let pkg: {
  exports: Record<string, string | Record<string, string>>;
  bin: Record<string, string>;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};

beforeAll(() => {
  if (!existsSync(join(root, 'dist/npm/index.js'))) execFileSync('npm', ['run', '--silent', 'build'], { cwd: root });
  scratch = mkdtempSync(join(tmpdir(), 'policy-explainer-pack-'));
  [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: root, encoding: 'utf8' }),
  ) as [Packed];
  files = new Set(packed.files.map((f) => f.path));
  unpacked = join(scratch, 'package');
  mkdirSync(unpacked);
  execFileSync('tar', ['-xzf', join(scratch, packed.filename), '--strip-components=1', '-C', unpacked]);
  pkg = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8'));
}, 120_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** The packed files an export's target names, its `*` standing for any path. */
const matching = (target: string) => {
  const [head, tail = ''] = target.replace(/^\.\//, '').split('*');
  return [...files].filter((f) =>
    target.includes('*')
      ? f.startsWith(head!) && f.endsWith(tail) && f.length >= head!.length + tail.length
      : f === head,
  );
};

/** Each module a file imports, statically or with import(), as TypeScript reads it (comments and strings aside). */
const specifiers = (code: string) => ts.preProcessFile(code, true, true).importedFiles.map((f) => f.fileName);
/** Imported by the framework types alone, which only React and Vue apps load: their own types. */
const FRAMEWORKS: Record<string, string> = { 'dist/npm/react.d.ts': 'react', 'dist/npm/vue.d.ts': 'vue' };

describe('npm pack', () => {
  it('ships no screenshots, tests, sources, demo or scripts', () => {
    const unwanted = [...files].filter((f) =>
      /^(docs\/screenshots|tests|src|demo|scripts|\.ci|node_modules)\//.test(f),
    );
    expect(unwanted).toEqual([]);
    expect([...files].filter((f) => /\.(png|jpe?g|webp|test\.[cm]?[jt]s)$/.test(f))).toEqual([]);
  });

  it(`weighs less than ${MAX_PACKED.toLocaleString('en')} bytes`, () => {
    expect(packed.size).toBeLessThan(MAX_PACKED);
  });

  it('ships what the README tells people to use', () => {
    const wanted = [
      'README.md',
      'LICENSE',
      'package.json',
      'custom-elements.json',
      'policy.schema.json',
      ...['en', 'es', 'fr'].map((lang) => `locales/${lang}.json`),
      'dist/policy-explainer.js',
      'dist/policy-explainer.dev.js',
      'dist/core.js',
      'dist/cli.js',
      'dist/npm/index.js',
      'dist/npm/index.d.ts',
      'dist/npm/define/index.js',
      'dist/npm/define/index.d.ts',
      ...ELEMENTS.flatMap((tag) => [`dist/npm/define/${tag}.js`, `dist/npm/define/${tag}.d.ts`]),
      'docs/elements.md',
      'docs/policy-format.md',
    ];
    expect(wanted.filter((f) => !files.has(f))).toEqual([]);
  });

  it('gives every export a packed file, and a type declaration to every module export', () => {
    for (const [entry, target] of Object.entries(pkg.exports)) {
      const targets = typeof target === 'string' ? { default: target } : target;
      for (const [condition, path] of Object.entries(targets))
        expect(matching(path).length, `${entry} (${condition}: ${path})`).toBeGreaterThan(0);
      if (/\.js$/.test(targets.default!)) expect(targets.types, `${entry} types`).toBeDefined();
    }
    expect(matching('./dist/npm/define/*.js')).toHaveLength(ELEMENTS.length + 1);
  });

  it('holds every module an export or the command reaches, and imports only its dependencies', () => {
    const allowed = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies ?? {})]);
    const queue = [
      ...Object.values(pkg.exports).flatMap((t) => Object.values(typeof t === 'string' ? { default: t } : t)),
      ...Object.values(pkg.bin),
    ]
      .flatMap(matching)
      .filter((f) => /\.(m?js|d\.ts)$/.test(f));
    const seen = new Set<string>();
    const missing: string[] = [];
    const strangers: string[] = [];
    while (queue.length) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const spec of specifiers(readFileSync(join(unpacked, file), 'utf8'))) {
        if (spec.startsWith('.')) {
          let target = posix.normalize(posix.join(dirname(file), spec));
          // A declaration file imports its neighbours by their .js names.
          if (file.endsWith('.d.ts') && target.endsWith('.js') && !files.has(target))
            target = target.replace(/\.js$/, '.d.ts');
          if (files.has(target)) queue.push(target);
          else missing.push(`${file} → ${spec}`);
        } else {
          const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
          if (
            !allowed.has(name) &&
            FRAMEWORKS[file] !== name &&
            !spec.startsWith('node:') &&
            !builtinModules.includes(name)
          )
            strangers.push(`${file} → ${spec}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(strangers).toEqual([]);
    // The embed's chunks were reached: every element's code and every part of every language's strings.
    const chunks = [...seen].filter((f) => f.startsWith('dist/chunks/')).map((f) => f.replace(/-[\w-]{8}\.js$/, ''));
    const strings = ['en', 'es', 'fr'].flatMap((lang) =>
      ['product', 'order', 'withdrawal'].map((part) => `${lang}-${part}`),
    );
    for (const name of [...ELEMENTS, ...strings]) expect(chunks).toContain(`dist/chunks/${name}`);
  });

  it('passes publint --strict', async () => {
    const { messages } = await publint({ pkgDir: unpacked, strict: true, pack: false });
    expect(messages.map((m) => formatMessage(m, pkg, { color: false }))).toEqual([]);
  });

  // ESM only, as the README says: attw's findings for require() (node16 from CJS) and for
  // TypeScript's old "node" resolution (node10, which ignores exports) don't apply; anything else does.
  it('passes Are the Types Wrong for ESM users (attw --profile esm-only)', () => {
    // To a file: piped, attw's report is cut short when it exits.
    const report = join(scratch, 'attw.json');
    const out = openSync(report, 'w');
    try {
      execFileSync(
        process.execPath,
        [
          'node_modules/@arethetypeswrong/cli/dist/index.js',
          join(scratch, packed.filename),
          '--profile',
          'esm-only',
          '--format',
          'json',
          '--include-entrypoints',
          ...ELEMENTS.map((tag) => `./define/${tag}`),
          './locales/fr.json',
        ],
        { cwd: root, stdio: ['ignore', out, 'pipe'] },
      );
    } catch {
      // attw exits 1 on any finding, ignored kinds included: the report is written all the same.
    } finally {
      closeSync(out);
    }
    const { problems } = JSON.parse(readFileSync(report, 'utf8')) as {
      problems: Record<string, { kind: string; entrypoint: string; resolutionKind?: string }[]>;
    };
    const found = Object.values(problems)
      .flat()
      .filter((p) => !['node10', 'node16-cjs'].includes(p.resolutionKind ?? ''))
      .map((p) => `${p.kind} ${p.entrypoint} (${p.resolutionKind ?? 'any'})`);
    expect(found).toEqual([]);
  }, 60_000);
});
