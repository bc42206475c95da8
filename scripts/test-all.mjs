#!/usr/bin/env node
/**
 * `npm test`: every suite, then one closing line `N passed, M failed` totalled over all of them.
 * Exits non-zero when anything failed. Suites:
 *   - the build (the package test imports dist/, and some tests type-check against it), the type
 *     check (tsc, strict), lint (Prettier and ESLint), the translators' locale check;
 *   - core logic with vitest, once per process time zone: results must not depend on it;
 *   - elements with web-test-runner, in headless Firefox on the real clock, and in headless
 *     Chromium with the clock moved five years ahead (faketime: Firefox hangs under it);
 *   - core again with the clock moved too, so that a test or fixture that only works until some
 *     date fails today;
 *   - the demo pages in headless Chromium: axe-core in each language, the product page's layout
 *     shift (CLS) with the policy fetched 2 s late, and what each page fetches (size-check).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TIME_ZONES = ['UTC', 'Pacific/Kiritimati', 'America/Sao_Paulo'];
const scratch = mkdtempSync(join(tmpdir(), 'policy-explainer-test-'));
const totals = { passed: 0, failed: 0 };

/** Each step's wall time, printed at the end: CI has 10 minutes in all. */
const times = [];
const timed = (label, step) => {
  const start = Date.now();
  try {
    return step();
  } finally {
    times.push([label, (Date.now() - start) / 1000]);
  }
};

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}`);
  const { status } = timed(label, () =>
    spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }),
  );
  return status === 0;
}

/** A step with no test count of its own counts as one test. */
function step(label, command, args, env) {
  if (run(label, command, args, env)) totals.passed++;
  else totals.failed++;
}

/** A script that prints its own closing line `N passed, M failed`: its counts join the total. */
function counted(label, command, args) {
  console.log(`\n=== ${label}`);
  const { status, stdout } = timed(label, () =>
    spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }),
  );
  process.stdout.write(stdout ?? '');
  const last = /^(\d+) passed, (\d+) failed$/m.exec((stdout ?? '').trim().split('\n').pop() ?? '');
  if (!last) return totals.failed++;
  totals.passed += Number(last[1]);
  totals.failed += Number(last[2]) + (status !== 0 && last[2] === '0' ? 1 : 0);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

// The build first: some tests type-check against what it writes (custom-elements.json, dist/npm).
step('build', 'npm', ['run', '--silent', 'build']);
step('type check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
step('lint (npm run lint: Prettier and ESLint)', 'npm', ['run', '--silent', 'lint']);
step('locale files (npm run i18n:check)', 'node', ['scripts/i18n-check.mjs']);

/** vitest over core and tools; its JSON report gives the counts. */
function vitest(label, { env = {}, args = [], wrapper = [] } = {}) {
  const out = join(scratch, `vitest-${totals.passed + totals.failed}.json`);
  const command = [
    ...wrapper,
    'npx',
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
    ...args,
  ];
  const ok = run(label, command[0], command.slice(1), env);
  const report = readJson(out);
  if (report) {
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests + (ok || report.numFailedTests ? 0 : 1);
  } else totals.failed++;
}

/** web-test-runner over the elements; its summary reporter gives the counts, per engine too. */
function elements(label, { env = {}, wrapper = [] } = {}) {
  const summary = join(scratch, `wtr-${totals.passed + totals.failed}.json`);
  const command = [...wrapper, 'npx', 'web-test-runner'];
  const ok = run(label, command[0], command.slice(1), { ...env, WTR_SUMMARY: summary });
  const wtr = existsSync(summary) ? readJson(summary) : undefined;
  if (wtr) {
    for (const [name, own] of Object.entries(wtr.browsers ?? {}))
      console.log(`elements in ${name}: ${own.passed} passed, ${own.failed} failed`);
    totals.passed += wtr.passed;
    totals.failed += wtr.failed + (ok || wtr.failed ? 0 : 1);
  } else totals.failed++;
}

// Once is enough for the files of tests/run-once.json: the browser clock test sets its shoppers'
// zones itself, and the others read no date. Every other suite (core, and each command that reads
// a date) runs again in each zone and under faketime: a new test file is in those runs unless it
// is listed there.
// vitest.config.ts leaves those files out unless VITEST_ALL is set: a plain `npx vitest run`
// is the quick run, core and every command that reads a date.
for (const [i, tz] of TIME_ZONES.entries()) {
  vitest(`core (vitest, TZ=${tz})`, { env: { TZ: tz, ...(i ? {} : { VITEST_ALL: '1' }) } });
}

// Firefox here, on the real clock; Chromium below, with the clock moved (Firefox hangs under
// faketime). Each engine runs every element test once: the two runs were three, and CI has 10
// minutes in all.
elements('elements in Firefox (web-test-runner, headless Firefox ESR)', { env: { WTR_BROWSERS: 'firefox' } });

/*
 * A time bomb (a test or a fixture that only works until some date) must fail now, not the day it
 * goes off: core and the elements run again with the whole process clock (and the browser's)
 * moved five years ahead, to 23:50 UTC, by Debian's faketime. The clock keeps running from there.
 */
const ahead = new Date(Date.now() + 5 * 365.25 * 86_400_000).toISOString().slice(0, 10);
const faketime = ['faketime', `${ahead} 23:50:00`];
if (spawnSync('faketime', ['2030-01-01 00:00:00', 'true']).status === 0) {
  vitest(`core with the clock moved to ${ahead} 23:50 UTC (faketime)`, {
    env: { TZ: 'UTC' },
    wrapper: faketime,
  });
  // Chromium's one run (see above).
  elements(`elements in Chromium with the clock moved to ${ahead} 23:50 UTC (faketime)`, {
    env: { TZ: 'UTC', WTR_BROWSERS: 'chromium' },
    wrapper: faketime,
  });
} else {
  console.log(
    "\n=== faketime is missing: install Debian's faketime package (apt-get install faketime), as .ci/run does",
  );
  totals.failed++;
}

counted('demo pages: accessibility (axe-core, fr/es/en) and behaviour', 'node', ['scripts/check-pages.mjs']);
counted('product page: layout shift with the policy fetched late (CLS)', 'node', ['scripts/cls.mjs']);
counted('what each page fetches: no language or element it does not show (size-check)', 'node', [
  'scripts/size-check.mjs',
]);

console.log('\nTime per step:');
for (const [label, seconds] of times) console.log(`${seconds.toFixed(0).padStart(5)} s  ${label}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed ? 1 : 0);
