/**
 * Two apps as users write them, each with policy-explainer installed from the packed tarball (what
 * `npm install policy-explainer` unpacks into node_modules; lit, i18next, React, Vue and Vite come
 * from the repository's node_modules, as an app's own would):
 * - tests/apps/react: Vite + React 19 + TSX, `import 'policy-explainer/define/policy-delivery-window'`,
 *   JSX types from `policy-explainer/react`;
 * - tests/apps/vue: Vite + Vue 3 single-file component, `import 'policy-explainer/define'`,
 *   template types from `policy-explainer/vue`.
 * Each must type-check strictly (tsc, the package's .d.ts checked too; vue-tsc with strictTemplates),
 * build with `vite build`, and show the quoted dates in French in Chromium, with the
 * event bound through the framework. Both apps pack once and work in parallel.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_FLAGS, chromiumPath } from '../../scripts/browser.mjs';
import { quoteDelivery } from '../../src/core/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const policy = JSON.parse(readFileSync(join(root, 'tests/fixtures/examples/policy-full.json'), 'utf8'));
const execute = promisify(execFile);

const APPS = {
  react: 'node_modules/typescript/bin/tsc',
  vue: 'node_modules/vue-tsc/bin/vue-tsc.js',
} as const;
type App = keyof typeof APPS;

interface Outcome {
  ok: boolean;
  output: string;
}
// As a user's shell runs them: vitest's NODE_ENV=test would give Vite a development build.
const env = { ...process.env };
delete env.NODE_ENV;

/** A Node command run from the repository: its output, never a rejection. */
async function attempt(args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await execute(process.execPath, args, { cwd: root, env, maxBuffer: 1 << 24 });
    return { ok: true, output: `${stdout}${stderr}`.trim() };
  } catch (e) {
    const { stdout = '', stderr = '' } = e as { stdout?: string; stderr?: string };
    return { ok: false, output: `${stdout}${stderr}`.trim() || String(e) };
  }
}

let scratch = '';
let browser: Browser | undefined;
const checks = {} as Record<App, Promise<Outcome>>;
const builds = {} as Record<App, Promise<Outcome>>;

beforeAll(async () => {
  if (!existsSync(join(root, 'dist/npm/index.js'))) execFileSync('npm', ['run', '--silent', 'build'], { cwd: root });
  scratch = mkdtempSync(join(tmpdir(), 'policy-explainer-apps-'));
  const launching = chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
  const [{ filename }] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: root, encoding: 'utf8' }),
  ) as [{ filename: string }];
  for (const app of Object.keys(APPS) as App[]) {
    // What npm install does with the tarball: its package/ folder becomes node_modules/policy-explainer.
    const installed = join(root, 'tests/apps', app, 'node_modules/policy-explainer');
    rmSync(installed, { recursive: true, force: true });
    mkdirSync(installed, { recursive: true });
    execFileSync('tar', ['-xzf', join(scratch, filename), '--strip-components=1', '-C', installed]);
    builds[app] = attempt([
      'node_modules/vite/bin/vite.js',
      'build',
      `tests/apps/${app}`,
      '--outDir',
      join(scratch, app),
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ]);
    checks[app] = attempt([APPS[app], '-p', `tests/apps/${app}/tsconfig.json`]);
  }
  browser = await launching;
}, 120_000);

afterAll(async () => {
  // Every command must end before the scratch folder goes, whatever failed.
  await Promise.all([...Object.values(checks), ...Object.values(builds)]);
  await browser?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}, 120_000);

/** The dates core quotes for the full policy's standard method at this instant. */
const quoteNow = () => {
  const { earliest, latest } = quoteDelivery(policy, { method: 'standard', now: new Date() }).quoted;
  return [earliest, latest];
};

for (const app of Object.keys(APPS) as App[]) {
  describe(`the ${app === 'react' ? 'Vite + React 19' : 'Vite + Vue 3'} app (tests/apps/${app})`, () => {
    it('builds with vite build from the packed package', async () => {
      const { ok, output } = await builds[app];
      expect(ok, output).toBe(true);
      expect(output).toBe('');
    }, 60_000);

    it('shows the quoted dates in French in Chromium, and the framework hears policy-ready', async () => {
      expect((await builds[app]).ok).toBe(true);
      const page = await browser!.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(String(e)));
      page.on('console', (m) => ['error', 'warning'].includes(m.type()) && problems.push(m.text()));
      // The built app, served as a static host would, from a folder of its own.
      const out = join(scratch, app);
      await page.route('http://app.test/**', (route) => {
        const path = new URL(route.request().url()).pathname;
        const file = join(out, normalize(path === '/' ? 'index.html' : path));
        return file.startsWith(out) && existsSync(file)
          ? route.fulfill({ path: file })
          : route.fulfill({ status: 404 });
      });
      try {
        // The dates depend on the moment: the page's must be core's just before or just after it loads.
        const before = quoteNow();
        await page.goto('http://app.test/');
        const quoted = page.locator('#quoted');
        await quoted.filter({ hasText: /\S/ }).waitFor({ timeout: 10_000 });
        const shown = await page.locator('policy-delivery-window [part="window"]').evaluate((el) => ({
          text: el.textContent?.replace(/\s+/g, ' ').trim(),
          dates: [...el.querySelectorAll('time')].map((t) => t.getAttribute('datetime')),
        }));
        const after = quoteNow();

        expect(shown.text).toMatch(/^Livraison estimée entre le .+ et le .+$/);
        expect(shown.dates).toHaveLength(2);
        for (const date of shown.dates) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect([before, after]).toContainEqual(shown.dates);
        // The event's detail, through React's onpolicy-ready or Vue's @policy-ready.
        expect(await quoted.textContent()).toBe(shown.dates.join(' '));
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    }, 60_000);

    it(`type-checks strictly (${app === 'react' ? 'tsc' : 'vue-tsc, strictTemplates'})`, async () => {
      const { ok, output } = await checks[app];
      expect(output).toBe('');
      expect(ok).toBe(true);
    }, 60_000);
  });
}
