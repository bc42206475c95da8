#!/usr/bin/env node
/**
 * `npm run size`: the bundle's weight, measured, with where it goes. The budget (whole bundle,
 * every element, three languages) is 30 KB gzip. The breakdown re-bundles with esbuild to read
 * each input's minified bytes; the total is the real dist/policy-explainer.js at gzip -9.
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const BUDGET = 30 * 1024;
if (!existsSync('dist/policy-explainer.js')) execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });

const bundle = readFileSync('dist/policy-explainer.js');
const gzip = gzipSync(bundle, { level: 9 }).length;
const brotli = brotliCompressSync(bundle).length;

const { metafile } = await build({
  entryPoints: ['src/index.ts'],
  bundle: true,
  minify: true,
  format: 'esm',
  write: false,
  metafile: true,
  conditions: ['production'],
  define: { __DEV__: 'false' },
  tsconfig: 'tsconfig.json',
  target: 'es2022',
});
const groups = new Map();
for (const output of Object.values(metafile.outputs)) {
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const group =
      input.match(/node_modules\/((@[^/]+\/)?[^/]+)/)?.[1] ??
      (input.startsWith('locales/') ? 'locales (3 languages)' : input.replace(/\/[^/]+$/, '/'));
    groups.set(group, (groups.get(group) ?? 0) + bytesInOutput);
  }
}
const total = [...groups.values()].reduce((a, b) => a + b, 0);
console.log('minified bytes by source (share of the gzip total, estimated):');
for (const [group, bytes] of [...groups].sort((a, b) => b[1] - a[1])) {
  console.log(
    `  ${group.padEnd(24)} ${String(bytes).padStart(7)}  ~${((gzip * bytes) / total / 1024).toFixed(1)} KB gz`,
  );
}
console.log(`\ndist/policy-explainer.js: ${bundle.length} bytes, ${gzip} gzip -9, ${brotli} brotli`);
console.log(`budget ${BUDGET} gzip: ${gzip <= BUDGET ? 'within' : `over by ${gzip - BUDGET}`}`);
