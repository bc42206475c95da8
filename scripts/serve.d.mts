// Types for the tests that start the demo server: the server itself stays plain JavaScript, run without a build.
import type { Server } from 'node:http';

/**
 * Serves the repository on `listenPort` (0: a free one) at `hostname` (default 127.0.0.1).
 * `locales` is the folder shown as /locales/ (default: the repository's).
 */
export function serve(listenPort?: number, options?: { locales?: string; hostname?: string }): Promise<Server>;

/** The encoding sent for an Accept-Encoding header: 'br', else 'gzip', else undefined (none). */
export function chooseEncoding(header?: string): 'br' | 'gzip' | undefined;
