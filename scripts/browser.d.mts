// Types for the tests that drive a browser: the helpers themselves stay plain JavaScript, run without a build.
import type { Browser } from 'puppeteer-core';

/** CHROME_PATH, else the first Chromium or Chrome found in the usual places. */
export function chromiumPath(): string | undefined;
/** Flags that work as root in a container with no network beyond localhost. */
export const CHROMIUM_FLAGS: string[];
/** FIREFOX_PATH, else firefox-esr or firefox on PATH. */
export function firefoxPath(): string | undefined;
export function launchChromium(): Promise<Browser>;
export function withServer<T>(work: (origin: string) => Promise<T>): Promise<T>;
