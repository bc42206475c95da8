#!/usr/bin/env node
/**
 * Screenshots of the demo pages in headless Chromium, for the README and for looking at what we
 * built: `npm run screenshots` (after `npm run build`). Writes docs/screenshots/<page>-<lang>.png.
 */
import puppeteer from 'puppeteer-core';
import { existsSync } from 'node:fs';
import { serve } from './serve.mjs';

const executablePath =
  process.env.CHROME_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);
/** Each page once per language, or once when it shows every language itself. */
const pages = [
  { name: 'demo', path: '/demo/', width: 1000, height: 720, languages: ['fr', 'es', 'en'], fullPage: true },
  // The top of the preview: long enough to show the three languages side by side.
  { name: 'translations', path: '/demo/translations.html', width: 1400, height: 1100, languages: [undefined], fullPage: false },
];

const server = await serve(0);
const { port } = server.address();
const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
try {
  for (const { name, path, width, height, languages, fullPage } of pages) {
    for (const lang of languages) {
      const page = await browser.newPage();
      await page.setViewport({ width, height, deviceScaleFactor: 1 });
      await page.goto(`http://127.0.0.1:${port}${path}${lang ? `?lang=${lang}` : ''}`, { waitUntil: 'load' });
      // Every element has rendered its policy (or its fallback), but those shown loading on purpose.
      await page.waitForFunction(() =>
        [...document.querySelectorAll('*')]
          .filter((e) => e.tagName.startsWith('POLICY-') && !e.getAttribute('src')?.includes('__slow'))
          .every((e) => e.shadowRoot && !e.shadowRoot.querySelector('[part~="loading"]')),
      );
      await new Promise((r) => setTimeout(r, 300));
      const file = `docs/screenshots/${name}${lang ? `-${lang}` : ''}.png`;
      await page.screenshot({ path: file, fullPage });
      console.log(`wrote ${file}`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.closeAllConnections();
  server.close();
}
