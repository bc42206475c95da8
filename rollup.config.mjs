import { rmSync } from 'node:fs';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { localeParts } from './scripts/locale-parts.mjs';
import { minifyLiterals } from './scripts/minify-literals.mjs';

// esbuild only strips types (tsc checks them); decorators follow tsconfig.json.
const typescript = (dev = false) =>
  esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', define: { __DEV__: String(dev) } });

/** The one-tag embed's chunks (in `folder`), listed for the kiosk's service worker (offline in every language). */
const listChunks = (folder) => ({
  name: 'list-chunks',
  // Chunks are named by their hash: those of an earlier build go.
  buildStart: () => rmSync(`dist/${folder}`, { recursive: true, force: true }),
  generateBundle(_, bundle) {
    const files = Object.keys(bundle).filter((file) => file.startsWith(`${folder}/`) && file.endsWith('.js'));
    this.emitFile({ type: 'asset', fileName: `${folder}/index.json`, source: `${JSON.stringify(files.sort())}\n` });
  },
});

const production = [
  localeParts(),
  nodeResolve({ exportConditions: ['production'] }),
  json({ compact: true, preferConst: true }),
  minifyLiterals(),
  typescript(),
  terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
];

const ELEMENTS = [
  'policy-delivery-window',
  'policy-returns',
  'policy-non-refundable',
  'policy-cancellation',
  'policy-summary',
  'policy-kiosk',
  'policy-withdrawal',
];

const SHARED = /node_modules|\/src\//;
/** One element's own code, its chunk's; and the loader's. */
const OWN =
  /\/src\/(define\/|elements\/(policy-(?!element)|strings-check)|core\/(delivery|returns|cancellation|jsonld|messages)\.|embed\.)/;
const LOADER = /\/src\/elements\/(second-copy|languages)\./;
/** Lit's hydration: only for pages with server-rendered elements. */
const HYDRATION = /\/@lit-labs\/ssr-client\/|\/lit-html\/(development\/)?private-ssr-support\./;

/** The loader at dist/<file>, its chunks in dist/<folder>/. */
const embed = (file, folder) => ({
  input: { [file.replace(/\.js$/, '')]: 'src/embed.ts' },
  // The loader's own modules stay in it: the chunks import them from it.
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: 'dist',
    format: 'es',
    sourcemap: true,
    entryFileNames: '[name].js',
    chunkFileNames: `${folder}/[name]-[hash].js`,
    // The code every element needs (Lit, i18next, the element base, the calendar) in one chunk:
    // one request, and one gzip stream compresses better than several. The loader's modules that
    // the shared code also reads stay out of it, or the loader would fetch the shared chunk at once.
    manualChunks: (id) =>
      LOADER.test(id)
        ? 'loader'
        : HYDRATION.test(id)
          ? 'hydration'
          : SHARED.test(id) && !OWN.test(id)
            ? 'shared'
            : undefined,
  },
});

export default [
  {
    // The embed: a small loader; each element's code and each language's strings are chunks,
    // fetched (relative to the embed's URL) when a page shows them.
    ...embed('policy-explainer.js', 'chunks'),
    plugins: [...production, listChunks('chunks')],
  },
  {
    // The same, readable, with Lit's development mode and warnings for missing strings; its
    // chunks in dist/dev/.
    ...embed('policy-explainer.dev.js', 'dev'),
    plugins: [
      localeParts(),
      nodeResolve({ exportConditions: ['development'] }),
      json(),
      // Its templates as the server's (hydration matches them by their text); its styles readable.
      minifyLiterals({ tags: ['html'] }),
      typescript(true),
      listChunks('dev'),
    ],
  },
  {
    // For apps with a bundler: unbundled ES modules, lit and i18next left to the app (one copy
    // each, shared with its own). Declarations are written beside them by tsc.
    input: [
      'src/index.ts',
      'src/define/index.ts',
      ...ELEMENTS.map((tag) => `src/define/${tag}.ts`),
      // policy-explainer/server: Node, with @lit-labs/ssr.
      'src/server.ts',
    ],
    output: { dir: 'dist/npm', format: 'es', preserveModules: true, preserveModulesRoot: 'src' },
    external: (id) => /^(lit|i18next)(\/|$)/.test(id) || id.startsWith('@lit/') || id.startsWith('@lit-labs/'),
    // Templates minified as in the embed: the server's HTML and every build's render match.
    plugins: [localeParts(), json({ preferConst: true }), minifyLiterals(), typescript()],
  },
  {
    // `npx policy-explainer check policy.json`: Node only, on top of dist/core.js.
    input: 'src/cli/bin.ts',
    output: {
      file: 'dist/cli.js',
      format: 'es',
      banner: '#!/usr/bin/env node',
      paths: (id) => (id.includes('/src/core/') ? './core.js' : id.endsWith('/src/server.js') ? './npm/server.js' : id),
    },
    // date-holidays: an optional peer dependency, loaded by the holidays command alone; the
    // server entry (Lit, @lit-labs/ssr), by the render command alone.
    external: (id) =>
      id.startsWith('node:') ||
      id === 'date-holidays' ||
      /\/core\/index\.js$/.test(id) ||
      /^\.\.\/server\.js$/.test(id),
    plugins: [typescript()],
  },
  {
    // Where each problem of a policy text is, as both checkers report it: the CLI and demo/check.html.
    input: 'src/cli/findings.ts',
    output: { file: 'dist/findings.js', format: 'es' },
    plugins: [typescript()],
  },
  {
    // The pure logic for Node and bundlers: no dependency, no DOM.
    input: 'src/core/index.ts',
    output: { file: 'dist/core.js', format: 'es', sourcemap: true },
    plugins: [typescript()],
  },
];
