import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { minifyLiterals } from './scripts/minify-literals.mjs';

// esbuild only strips types (tsc checks them); decorators follow tsconfig.json.
const typescript = (dev = false) =>
  esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', define: { __DEV__: String(dev) } });

export default [
  {
    // The embed: one self-contained module with lit, i18next and the three locales.
    input: 'src/index.ts',
    output: { file: 'dist/policy-explainer.js', format: 'es', sourcemap: true },
    plugins: [
      nodeResolve({ exportConditions: ['production'] }),
      json({ compact: true, preferConst: true }),
      minifyLiterals(),
      typescript(),
      terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
    ],
  },
  {
    // The same, readable, with Lit's development mode and warnings for missing strings.
    input: 'src/index.ts',
    output: { file: 'dist/policy-explainer.dev.js', format: 'es', sourcemap: true },
    plugins: [nodeResolve({ exportConditions: ['development'] }), json(), typescript(true)],
  },
  {
    // `npx policy-explainer check policy.json`: Node only, on top of dist/core.js.
    input: 'src/cli/bin.ts',
    output: {
      file: 'dist/cli.js',
      format: 'es',
      banner: '#!/usr/bin/env node',
      paths: (id) => (id.includes('/src/core/') ? './core.js' : id),
    },
    // date-holidays: an optional peer dependency, loaded by the holidays command alone.
    external: (id) => id.startsWith('node:') || id === 'date-holidays' || /\/core\/index\.js$/.test(id),
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
