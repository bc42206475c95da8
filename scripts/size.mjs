#!/usr/bin/env node
/**
 * `npm run size`: the weight of each file of the embed (the loader and its chunks) at gzip -9
 * and brotli, largest first. What a given page fetches is measured by `npm run bench`, in a browser.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';

if (!existsSync('dist/chunks/index.json')) execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });

const files = [
  'dist/policy-explainer.js',
  ...readdirSync('dist/chunks')
    .filter((f) => f.endsWith('.js'))
    .map((f) => `dist/chunks/${f}`),
];
const rows = files
  .map((file) => {
    const bytes = readFileSync(file);
    return {
      file,
      bytes: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes).length,
    };
  })
  .sort((a, b) => b.gzip - a.gzip);
console.log('file'.padEnd(56), 'bytes'.padStart(8), 'gzip -9'.padStart(8), 'brotli'.padStart(8));
for (const { file, bytes, gzip, brotli } of rows)
  console.log(file.padEnd(56), String(bytes).padStart(8), String(gzip).padStart(8), String(brotli).padStart(8));
const total = rows.reduce((sum, r) => sum + r.gzip, 0);
console.log(`\nall ${rows.length} files: ${total} bytes gzip -9`);
