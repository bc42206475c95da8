import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { localeParts } from './scripts/locale-parts.mjs';

/**
 * Suites that read no date (compilers, the package, the docs, browsers driven with clocks of their
 * own): `npm test` runs them once, with VITEST_ALL set. A plain `npx vitest run` is the quick run
 * of core and of every command that reads a date, the one worth repeating in other time zones and
 * with the clock moved.
 */
const once: string[] = JSON.parse(readFileSync(new URL('tests/run-once.json', import.meta.url), 'utf8'));

export default defineConfig({
  // The strings in parts, as the build makes them.
  plugins: [localeParts()],
  test: {
    include: ['tests/core/**/*.test.ts', 'tests/tools/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...(process.env.VITEST_ALL ? [] : once)],
    environment: 'node',
  },
});
