#!/usr/bin/env node
/**
 * `npm start`: serves the repository on localhost and opens at demo/. Static files only, no
 * dependencies: the demo pages use the built bundle exactly as a shop would.
 */
import { createServer } from 'node:http';
import { createReadStream, readdirSync, realpathSync, statSync, watch } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { checkLocales, formatProblem } from './i18n-check.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const port = Number(process.env.PORT ?? 8000);
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

/**
 * Serves the repository on `listenPort` (0: a free one). `locales` is the folder shown as
 * /locales/ (default: the repository's), for the translators' preview and its checker.
 */
export function serve(listenPort = port, { locales = join(root, 'locales') } = {}) {
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
  return new Promise((done) => server.listen(listenPort, '127.0.0.1', () => done(server)));
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
  res.writeHead(200, {
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
  });
  // A file gone between the check and the read ends this response, not the server.
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // LOCALES=path/to/folder: preview (and check) another folder of locale files.
  await serve(port, process.env.LOCALES ? { locales: resolve(process.env.LOCALES) } : {});
  console.log(`policy-explainer demo: http://localhost:${port}/demo/`);
}
