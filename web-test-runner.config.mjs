import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import puppeteerCore from 'puppeteer-core';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_FLAGS, chromiumPath, firefoxPath } from './scripts/browser.mjs';
import { localeParts } from './scripts/locale-parts.mjs';
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

/**
 * Two engines, because the text the elements show comes from each engine's Intl (formatRange,
 * durations, lists): headless Chromium, and headless Firefox driven by puppeteer-core over WebDriver
 * BiDi. Firefox goes through chromeLauncher's own `puppeteer` option, which is all
 * @web/test-runner-puppeteer's puppeteerLauncher does, without that package's full `puppeteer`
 * (whose install downloads a browser). WTR_BROWSERS=chromium (or firefox) runs one engine only.
 */
const ENGINES = {
  // Named for what runs (the launcher calls any local Chrome "Chrome").
  chromium: () =>
    Object.assign(
      chromeLauncher({
        launchOptions: {
          executablePath: chromiumPath(),
          headless: true,
          args: CHROMIUM_FLAGS,
        },
      }),
      { name: 'Chromium' },
    ),
  firefox: () => {
    const executablePath = firefoxPath();
    if (!executablePath)
      throw new Error('Firefox not found: install firefox-esr, or set FIREFOX_PATH (WTR_BROWSERS=chromium skips it)');
    return chromeLauncher({
      puppeteer: tolerantPuppeteer,
      launchOptions: { browser: 'firefox', executablePath, headless: true, env: withoutFaketime() },
    });
  },
};
/**
 * Under Debian's faketime (npm test's run with the clock moved years ahead), Firefox never starts:
 * it hangs under libfaketime. So Firefox runs on the real clock, and every test page moves its own
 * clock to the time this process reads, as a host page that fakes its clock would (Chromium's
 * pages, under faketime already, are moved by nothing).
 */
const faked = 'FAKETIME' in process.env;

/**
 * puppeteer-core for Firefox, minus one failure: its setViewport also sends WebDriver BiDi's
 * `emulation.setScreenOrientationOverride`, which Debian's Firefox ESR 140 does not know ("unknown
 * command"), so every test file failed before it ran. That one command is made to succeed with
 * nothing done (only the orientation, which no test uses, is not set). It is tolerated where it is
 * sent, not around setViewport: setViewport sends both commands at once, and a failure caught
 * around it returned before Firefox had resized the page, so the next lines still measured the old
 * viewport (a tablet test laid out at 800 × 600 instead of 1280 × 800).
 */
const tolerantPuppeteer = {
  ...puppeteerCore,
  async launch(options) {
    const browser = await puppeteerCore.launch(options);
    const page = await browser.newPage();
    // BiDi only: the page's browsing context, whose class sends the command.
    const context = page.mainFrame().browsingContext;
    const proto = context && Object.getPrototypeOf(context);
    if (proto?.setScreenOrientationOverride && !proto.__tolerant) {
      const setOrientation = proto.setScreenOrientationOverride;
      proto.setScreenOrientationOverride = async function (...args) {
        try {
          return await setOrientation.apply(this, args);
        } catch (e) {
          if (!/unknown command/.test(String(e?.message))) throw e;
        }
      };
      proto.__tolerant = true;
    }
    await page.close();
    return browser;
  },
};
function withoutFaketime() {
  if (!faked) return undefined;
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('FAKETIME')));
  env.LD_PRELOAD = (env.LD_PRELOAD ?? '')
    .split(/[: ]/)
    .filter((lib) => lib && !lib.includes('faketime'))
    .join(':');
  return env;
}
const movedClock = () => `<script>
  (() => {
    const shift = ${Date.now()} - Date.now();
    if (Math.abs(shift) < 60000) return;
    const RealDate = Date;
    window.Date = class MovedDate extends RealDate {
      constructor(...args) { super(...(args.length ? args : [RealDate.now() + shift])); }
      static now() { return RealDate.now() + shift; }
    };
  })();
</script>`;

const engines = (process.env.WTR_BROWSERS || Object.keys(ENGINES).join(','))
  .split(',')
  .map((name) => name.trim().toLowerCase());
for (const name of engines)
  if (!ENGINES[name]) throw new Error(`WTR_BROWSERS: unknown engine "${name}" (${Object.keys(ENGINES).join(', ')})`);

export default {
  files: 'tests/elements/**/*.test.ts',
  middleware: [testRoutes],
  nodeResolve: { exportConditions: ['production'] },
  // With tsconfig's experimentalDecorators, esbuild compiles decorators away (Chromium cannot parse
  // native ones yet) while esnext keeps the JSON import attributes the browser needs.
  plugins: [
    // The strings in parts, as the build makes them: a test loads what a page loads.
    fromRollup(localeParts)(),
    esbuildPlugin({
      ts: true,
      target: 'esnext',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
      define: { __DEV__: 'true' },
    }),
  ],
  browsers: engines.map((name) => ENGINES[name]()),
  reporters: [defaultReporter(), summaryReporter()],
  testFramework: { config: { timeout: 5000 } },
  ...(faked && {
    testRunnerHtml: (testFramework) =>
      `<!doctype html><html><head>${movedClock()}</head><body><script type="module" src="${testFramework}"></script></body></html>`,
  }),
};
