#!/usr/bin/env node
/**
 * `npm start`: serves the repository on localhost and opens at demo/. Static files, no
 * dependencies: the demo pages use the built bundle exactly as a shop would. Besides: the
 * withdrawal endpoint, and two pages rendered per request by the built server entry
 * (scripts/ssr-pages.mjs: /demo/index-ssr.html and /demo/email.html).
 */
import { createServer } from 'node:http';
import { createReadStream, readdirSync, realpathSync, statSync, watch } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';
import { checkLocales, formatProblem } from './i18n-check.mjs';
import { handleWithdrawal } from './withdrawal-endpoint.mjs';
import { handleSsrPage } from './ssr-pages.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const port = Number(process.env.PORT ?? 8000);
/**
 * The address to listen on: 127.0.0.1 (this machine only) unless HOST says otherwise, e.g.
 * HOST=0.0.0.0 so that a tablet on the shop's network can open the kiosk demo.
 */
const host = process.env.HOST || '127.0.0.1';
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Types sent compressed when the browser accepts it: text (scripts, strings, pages, styles, SVG). */
const compressible = new Set(['.html', '.js', '.mjs', '.json', '.css', '.map', '.svg']);

/**
 * The encoding to send, from an Accept-Encoding header: brotli, else gzip, else none. A coding
 * with q=0 is refused; `*` stands for any coding not named.
 */
export function chooseEncoding(header = '') {
  const q = new Map();
  for (const part of String(header).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const weight = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    q.set(name.trim(), weight ? Number(weight[1]) : 1);
  }
  const weightOf = (coding) => q.get(coding) ?? q.get('*') ?? 0;
  const [br, gzip] = [weightOf('br'), weightOf('gzip')];
  if (br > 0 && br >= gzip) return 'br';
  if (gzip > 0) return 'gzip';
  return undefined;
}

const compressors = {
  // Quality 5: about gzip -9's size at a fraction of brotli 11's time, for files compressed on each request.
  br: () => createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
  gzip: () => createGzip({ level: 6 }),
};

/**
 * Serves the repository on `listenPort` (0: a free one), at `hostname` (default 127.0.0.1: this
 * machine only; `npm start` passes HOST). `locales` is the folder shown as /locales/ (default: the repository's), for the
 * translators' preview and its checker.
 */
export function serve(listenPort = port, { locales = join(root, 'locales'), hostname = '127.0.0.1' } = {}) {
  /** Pages listening for locale changes (the translators' preview), as server-sent event streams. */
  const listeners = new Set();
  let watching = false;
  const watchLocales = () => {
    if (watching) return;
    watching = true;
    // unref: the watcher alone must not keep a script that used serve() (screenshots, cls) running.
    watch(locales, (_, file) => {
      if (String(file).endsWith('.json') || String(file).endsWith('.md'))
        for (const res of listeners) res.write(`data: ${file}\n\n`);
    }).unref();
  };
  const server = createServer((req, res) => {
    try {
      handle(req, res, { locales, listeners, watchLocales });
    } catch {
      // Whatever a request does, the server stays up for the next one.
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  });
  return new Promise((done) => server.listen(listenPort, hostname, () => done(server)));
}

/** `file` is `folder` or inside it: compared with a separator, so /work/main-secret is not inside /work/main. */
const inside = (folder, file) => file === folder || file.startsWith(folder.endsWith(sep) ? folder : folder + sep);

/**
 * The file a request path names under `base`, or the status that refuses it: 400 for a path that
 * cannot name a file (a broken escape, NUL, a backslash: a separator on Windows), 403 for one that
 * leads out of `base` (through "..", raw or encoded, or a symbolic link), 404 for none.
 */
function fileFor(base, rest) {
  if (/[\0\\]/.test(rest)) return { status: 400 };
  // "..", even as %2E%2E or between encoded slashes: no path of the demo needs one.
  if (rest.split('/').includes('..')) return { status: 403 };
  let file = resolve(base, `.${rest}`);
  if (!inside(base, file)) return { status: 403 };
  let real;
  try {
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
    // Where the file really is, links followed: it must be in the real folder too.
    real = realpathSync(file);
    if (!statSync(real).isFile()) return { status: 404 };
  } catch {
    return { status: 404 };
  }
  return inside(realpathSync(base), real) ? { file: real } : { status: 403 };
}

function handle(req, res, context) {
  const { locales, listeners, watchLocales } = context;
  let path;
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    res.writeHead(400, { 'content-type': 'text/plain' });
    return res.end('Bad request');
  }
  if (handleWithdrawal(req, res, path)) return;
  if (handleSsrPage(req, res, path, chooseEncoding)) return;
  if (path === '/__locales') {
    const languages = readdirSync(locales)
      .filter((f) => /^[a-zA-Z-]+\.json$/.test(f))
      .map((f) => f.slice(0, -5));
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache' });
    return res.end(JSON.stringify(languages));
  }
  // What `npm run i18n:check` says of the locale files now, for the preview to show beside the words.
  if (path === '/__i18n-check') {
    const { files, problems } = checkLocales(locales);
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache' });
    return res.end(JSON.stringify({ files, problems: problems.map((p) => ({ ...p, line: formatProblem(p) })) }));
  }
  if (path === '/__locale-events') {
    watchLocales();
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write(': listening\n\n');
    listeners.add(res);
    req.on('close', () => listeners.delete(res));
    return;
  }
  // A file sent late, as over a slow connection: /__slow?ms=3000&file=/demo/policy.json
  if (path === '/__slow') {
    const query = new URL(req.url, 'http://localhost').searchParams;
    const timer = setTimeout(
      () => {
        req.url = query.get('file') ?? '/demo/policy.json';
        handle(req, res, context);
      },
      Number(query.get('ms') ?? 3000),
    );
    req.on('close', () => clearTimeout(timer));
    return;
  }
  if (path === '/') {
    res.writeHead(302, { location: '/demo/' });
    return res.end();
  }
  // /locales/ is the folder given (a translator's working copy, a test's fixtures).
  const [base, rest] = path.startsWith('/locales/') ? [resolve(locales), path.slice('/locales'.length)] : [root, path];
  const { file, status } = fileFor(base, rest);
  if (!file) {
    res.writeHead(status, { 'content-type': 'text/plain' });
    return res.end(status === 404 ? 'Not found' : status === 403 ? 'Forbidden' : 'Bad request');
  }
  const type = extname(file);
  // Text goes compressed, as a shop's server or CDN sends it: what a page pays is measured as it would be.
  const encoding = compressible.has(type) ? chooseEncoding(req.headers['accept-encoding']) : undefined;
  res.writeHead(200, {
    'content-type': types[type] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
    ...(compressible.has(type) && { vary: 'Accept-Encoding' }),
    ...(encoding && { 'content-encoding': encoding }),
  });
  // A file gone between the check and the read ends this response, not the server.
  const body = createReadStream(file).on('error', () => res.destroy());
  if (!encoding) return body.pipe(res);
  body
    .pipe(compressors[encoding]())
    .on('error', () => res.destroy())
    .pipe(res);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // LOCALES=path/to/folder: preview (and check) another folder of locale files.
  const server = await serve(port, {
    hostname: host,
    ...(process.env.LOCALES && { locales: resolve(process.env.LOCALES) }),
  });
  const { port: listening } = server.address();
  console.log(`policy-explainer demo: http://localhost:${listening}/demo/ (listening on ${host})`);
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) {
    // The addresses another device on the network can open (a counter tablet: the kiosk demo).
    const { networkInterfaces } = await import('node:os');
    for (const nets of Object.values(networkInterfaces()))
      for (const net of nets ?? [])
        if (!net.internal && net.family === 'IPv4')
          console.log(`  from the network: http://${net.address}:${listening}/demo/kiosk.html`);
  }
}
