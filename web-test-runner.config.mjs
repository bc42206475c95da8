import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_FLAGS, chromiumPath } from './scripts/browser.mjs';
import { summaryReporter } from './scripts/wtr-summary-reporter.mjs';

/**
 * Answers the failure tests need from a real server (tests/elements/failures.test.ts):
 *   /__test/status/500         that status, with a JSON body (the status alone must fail it)
 *   /__test/html               a 200 web page, as a wrong address or a catch-all route gives
 *   /__test/huge[?chunked]     10 MB of valid JSON, with its Content-Length, or chunked without one
 *   /__test/slow?ms=&file=     the file, after a delay
 */
async function testRoutes(ctx, next) {
  const route = /^\/__test\/(status\/(\d{3})|html|huge|slow)$/.exec(ctx.path);
  if (!route) return next();
  if (route[2]) {
    ctx.status = Number(route[2]);
    ctx.body = { error: 'as asked' };
  } else if (route[1] === 'html') {
    ctx.type = 'text/html';
    ctx.body = '<!doctype html><title>Page not found</title><p>Sorry, this page does not exist.</p>';
  } else if (route[1] === 'huge') {
    // A valid policy but for its size: only the size limit can refuse it.
    const json = `{"version": 1, "merchant": {"timeZone": "UTC"}, "padding": "${'x'.repeat(10_000_000)}"}`;
    ctx.type = 'application/json';
    ctx.body = 'chunked' in ctx.query ? Readable.from([json.slice(0, 1_000), json.slice(1_000)]) : json;
  } else {
    await new Promise((done) => setTimeout(done, Number(ctx.query.ms ?? 3000)));
    ctx.url = String(ctx.query.file);
    return next();
  }
}


export default {
  files: 'tests/elements/**/*.test.ts',
  middleware: [testRoutes],
  nodeResolve: { exportConditions: ['production'] },
  // With tsconfig's experimentalDecorators, esbuild compiles decorators away (Chromium cannot parse
  // native ones yet) while esnext keeps the JSON import attributes the browser needs.
  plugins: [esbuildPlugin({ ts: true, target: 'esnext', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)), define: { __DEV__: 'true' } })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath(),
        headless: true,
        args: CHROMIUM_FLAGS,
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
  testFramework: { config: { timeout: 5000 } },
};
