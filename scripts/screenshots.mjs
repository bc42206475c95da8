#!/usr/bin/env node
/**
 * Screenshots of the demo pages in headless Chromium, for the README and for looking at what we
 * built: `npm run screenshots` (after `npm run build`). Writes docs/screenshots/<page>-<lang>.png.
 */
import { launchChromium, withServer } from './browser.mjs';
/**
 * Each page once per language, or once when it shows every language itself. `scheme: 'dark'`
 * emulates `prefers-color-scheme: dark`; `forcedColors` emulates `forced-colors: active` (Windows
 * high contrast), which puppeteer's emulateMediaFeatures does not accept, so it goes through CDP.
 */
const pages = [
  { name: 'demo', path: '/demo/', width: 1000, height: 720, languages: ['fr', 'es', 'en'], fullPage: true },
  {
    name: 'checkout',
    path: '/demo/checkout.html',
    width: 1000,
    height: 720,
    languages: ['fr', 'es', 'en'],
    fullPage: true,
  },
  // The cart on a phone: our conditions come before the button that places the order.
  {
    name: 'checkout-phone',
    path: '/demo/checkout.html',
    width: 390,
    height: 844,
    languages: ['fr'],
    fullPage: true,
  },
  { name: 'order', path: '/demo/order.html', width: 1000, height: 720, languages: ['fr', 'es', 'en'], fullPage: true },
  { name: 'themes', path: '/demo/themes.html', width: 1200, height: 900, languages: [undefined], fullPage: true },
  {
    name: 'themes-dark',
    path: '/demo/themes.html',
    width: 1200,
    height: 900,
    languages: [undefined],
    fullPage: true,
    scheme: 'dark',
  },
  {
    name: 'themes-forced',
    path: '/demo/themes.html',
    width: 1200,
    height: 900,
    languages: [undefined],
    fullPage: true,
    forcedColors: true,
  },
  // The counter tablet's first screen, landscape (both sizes the kiosk is made to fit) and portrait.
  {
    name: 'kiosk-landscape',
    path: '/demo/kiosk.html',
    width: 1024,
    height: 768,
    languages: ['fr', 'es', 'en'],
    fullPage: false,
  },
  {
    name: 'kiosk-landscape-1280',
    path: '/demo/kiosk.html',
    width: 1280,
    height: 800,
    languages: ['fr', 'es', 'en'],
    fullPage: false,
  },
  {
    name: 'kiosk-portrait',
    path: '/demo/kiosk.html',
    width: 768,
    height: 1024,
    languages: ['fr', 'es', 'en'],
    fullPage: false,
  },
  // The top of the preview: long enough to show the three languages side by side.
  {
    name: 'translations',
    path: '/demo/translations.html',
    width: 1400,
    height: 1100,
    languages: [undefined],
    fullPage: false,
  },
  // The policy checker: the file on the left, what was found on the right, then the three languages.
  { name: 'check', path: '/demo/check.html', width: 1400, height: 1000, languages: [undefined], fullPage: true },
];
/** `node scripts/screenshots.mjs checkout themes`: only those pages. */
const only = process.argv.slice(2);

await withServer(async (origin) => {
  const browser = await launchChromium();
  try {
    for (const { name, path, width, height, languages, fullPage, scheme, forcedColors } of pages) {
      if (only.length && !only.includes(name)) continue;
      for (const lang of languages) {
        const page = await browser.newPage();
        await page.setViewport({ width, height, deviceScaleFactor: 1 });
        // The shop's clock, as its tablet and most of its shoppers have it: the cutoff reads "14 h".
        await page.emulateTimezone('Europe/Paris');
        if (scheme) await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
        if (forcedColors) {
          const cdp = await page.createCDPSession();
          await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] });
        }
        await page.goto(`${origin}${path}${lang ? `?lang=${lang}` : ''}`, { waitUntil: 'load' });
        // Every element has rendered its policy (or its fallback), but those shown loading on purpose.
        await page.waitForFunction(() =>
          [...document.querySelectorAll('*')]
            .filter((e) => e.tagName.startsWith('POLICY-') && !e.getAttribute('src')?.includes('__slow'))
            .every(
              (e) =>
                e.shadowRoot &&
                !e.shadowRoot.querySelector('[part~="loading"]') &&
                // Not still waiting for its strings (an empty content).
                e.shadowRoot.textContent.trim(),
            ),
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
  }
});
