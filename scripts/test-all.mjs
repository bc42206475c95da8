#!/usr/bin/env node
/**
 * `npm test`: every suite, then one closing line `N passed, M failed` totalled over all of them.
 * Exits non-zero when anything failed. Suites:
 *   - the type check (tsc, strict), the translators' locale check, and the build (the package
 *     test imports dist/);
 *   - core logic with vitest, once per process time zone: results must not depend on it;
 *   - elements with web-test-runner, in headless Chromium and headless Firefox;
 *   - the demo pages in headless Chromium: axe-core in each language, and the product page's
 *     layout shift (CLS) with the policy fetched 2 s late.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TIME_ZONES = ['UTC', 'Pacific/Kiritimati', 'America/Sao_Paulo'];
const scratch = mkdtempSync(join(tmpdir(), 'policy-explainer-test-'));
const totals = { passed: 0, failed: 0 };

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
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
  const { status, stdout } = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
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

step('type check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
step('locale files (npm run i18n:check)', 'node', ['scripts/i18n-check.mjs']);
step('build', 'npm', ['run', '--silent', 'build']);

for (const tz of TIME_ZONES) {
  const out = join(scratch, `vitest-${tz.replace('/', '-')}.json`);
  const ok = run(`core (vitest, TZ=${tz})`, 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], { TZ: tz });
  const report = readJson(out);
  if (report) {
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests + (ok || report.numFailedTests ? 0 : 1);
  } else totals.failed++;
}

const summary = join(scratch, 'wtr.json');
const wtrOk = run('elements (web-test-runner, headless Chromium and Firefox)', 'npx', ['web-test-runner'], { WTR_SUMMARY: summary });
const wtr = existsSync(summary) ? readJson(summary) : undefined;
if (wtr) {
  for (const [name, own] of Object.entries(wtr.browsers ?? {})) console.log(`elements in ${name}: ${own.passed} passed, ${own.failed} failed`);
  totals.passed += wtr.passed;
  totals.failed += wtr.failed + (wtrOk || wtr.failed ? 0 : 1);
} else totals.failed++;

counted('demo pages: accessibility (axe-core, fr/es/en) and behaviour', 'node', ['scripts/check-pages.mjs']);
counted('product page: layout shift with the policy fetched late (CLS)', 'node', ['scripts/cls.mjs']);

console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed ? 1 : 0);
