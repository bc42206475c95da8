/**
 * Headless Chromium and the demo server, for the scripts that look at real pages (screenshots,
 * layout shift, accessibility, benchmarks). Debian's Chromium here; CHROME_PATH elsewhere.
 * Firefox (for the element tests): Debian's firefox-esr, or firefox, on PATH; FIREFOX_PATH elsewhere.
 */
import puppeteer from 'puppeteer-core';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { serve } from './serve.mjs';

export const chromiumPath = () =>
  process.env.CHROME_PATH ??
  ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);

/** The first of `names` found on PATH, or undefined. */
const onPath = (...names) =>
  names
    .flatMap((name) =>
      (process.env.PATH ?? '')
        .split(delimiter)
        .filter(Boolean)
        .map((dir) => join(dir, name)),
    )
    .find(existsSync);

export const firefoxPath = () => process.env.FIREFOX_PATH || onPath('firefox-esr', 'firefox');

/** Flags that work as root in a container with no network beyond localhost. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export const launchChromium = () =>
  puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS });

/** Runs `work(origin)` with the repository served on a free port, then closes every connection. */
export async function withServer(work) {
  const server = await serve(0);
  try {
    return await work(`http://127.0.0.1:${server.address().port}`);
  } finally {
    server.closeAllConnections();
    server.close();
  }
}
