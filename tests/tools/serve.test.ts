/**
 * `npm start` (scripts/serve.mjs): the demo server serves the repository, and the folder of locale
 * files it is given as /locales/, and nothing else on the machine: not a sibling folder whose name
 * starts with the repository's, not through "..", encoded slashes, backslashes or NUL, not through
 * a symbolic link that leads out of the tree. Its own routes still work.
 */
import { spawn } from 'node:child_process';
import { request, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding, serve } from '../../scripts/serve.mjs';

const root = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');
const SECRET = 'the secret next door';

// A folder beside the locales folder, whose name starts with the locales folder's: "locales-secret".
const temp = mkdtempSync(join(tmpdir(), 'serve-test-'));
const locales = join(temp, 'locales');
mkdirSync(locales);
writeFileSync(join(locales, 'en.json'), readFileSync(join(root, 'locales/en.json')));
mkdirSync(join(temp, 'locales-secret'));
writeFileSync(join(temp, 'locales-secret/secret.txt'), SECRET);
writeFileSync(join(temp, 'outside.txt'), SECRET);
// Links from inside the locales folder: to a file outside it, to a folder outside it, to a file inside it.
symlinkSync(join(temp, 'outside.txt'), join(locales, 'out.txt'));
symlinkSync(join(temp, 'locales-secret'), join(locales, 'out-dir'));
symlinkSync(join(locales, 'en.json'), join(locales, 'en-link.txt'));

// The same beside the repository itself, as the probe found it: /work/main and /work/main-<something>.
let sibling: string | undefined;
try {
  sibling = mkdtempSync(join(dirname(root), `${basename(root)}-serve-test-`));
  writeFileSync(join(sibling, 'secret.txt'), SECRET);
} catch {
  // The repository's parent folder is not writable here: the locales folder's case tests the same rule.
}

let server: Server;
let port: number;
beforeAll(async () => {
  server = await serve(0, { locales });
  port = (server.address() as { port: number }).port;
});
afterAll(() => {
  server?.closeAllConnections();
  server?.close();
  rmSync(temp, { recursive: true, force: true });
  if (sibling) rmSync(sibling, { recursive: true, force: true });
});

/** A GET with the path sent exactly as written (fetch would resolve "..", and refuse some). */
async function get(path: string): Promise<{ status: number; body: string; type?: string }> {
  const { status, bytes, headers } = await getRaw(path);
  return { status, body: bytes.toString('utf8'), type: headers['content-type'] as string | undefined };
}

/** A GET with the given headers; the body as the bytes sent, not decoded. */
function getRaw(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; bytes: Buffer; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode!, bytes: Buffer.concat(chunks), headers: res.headers }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('the demo server serves only the repository and the locales folder', () => {
  it.skipIf(!sibling)(
    "refuses a sibling folder of the repository whose name starts with the repository's",
    async () => {
      const name = basename(sibling!);
      for (const path of [
        `/..%2F${name}%2Fsecret.txt`,
        `/demo/..%2F..%2F${name}%2Fsecret.txt`,
        `/%2E%2E%2F${name}%2Fsecret.txt`,
      ]) {
        const { status, body } = await get(path);
        expect(body, path).not.toContain(SECRET);
        expect([400, 403, 404], path).toContain(status);
      }
    },
  );

  it("refuses a sibling folder of the locales folder whose name starts with the locales folder's", async () => {
    for (const path of [
      '/locales/..%2Flocales-secret%2Fsecret.txt',
      '/locales/%2E%2E%2Flocales-secret%2Fsecret.txt',
      '/locales/..%2F..%2Foutside.txt',
    ]) {
      const { status, body } = await get(path);
      expect(body, path).not.toContain(SECRET);
      expect([400, 403, 404], path).toContain(status);
    }
  });

  it('refuses "..", raw or encoded, backslashes, NUL and broken escapes, and stays up', async () => {
    const paths = [
      '/../../etc/passwd',
      '/..%2F..%2F..%2F..%2Fetc%2Fpasswd',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/locales/../../../../etc/passwd',
      '/..\\..\\..\\..\\etc\\passwd',
      '/..%5C..%5C..%5C..%5Cetc%5Cpasswd',
      '/locales/..%5Clocales-secret%5Csecret.txt',
      '/demo/index.html%00.json',
      '/%00',
      '/demo/%E0%A4%A',
      '/%',
    ];
    for (const path of paths) {
      const { status, body } = await get(path);
      expect(body, path).not.toMatch(/root:|the secret/);
      expect([400, 403, 404], path).toContain(status);
    }
    expect((await get('/demo/')).status).toBe(200);
  });

  it('refuses a symbolic link that leads out of the tree, to a file or a folder; follows one that stays inside', async () => {
    for (const path of ['/locales/out.txt', '/locales/out-dir/secret.txt']) {
      const { status, body } = await get(path);
      expect(body, path).not.toContain(SECRET);
      expect([403, 404], path).toContain(status);
    }
    const inside = await get('/locales/en-link.txt');
    expect(inside.status).toBe(200);
    expect(JSON.parse(inside.body)).toEqual(JSON.parse(readFileSync(join(locales, 'en.json'), 'utf8')));
  });

  it('a file sent late (/__slow) goes through the same rule', async () => {
    const { status, body } = await get(
      `/__slow?ms=1&file=${encodeURIComponent('/locales/..%2Flocales-secret%2Fsecret.txt')}`,
    );
    expect(body).not.toContain(SECRET);
    expect([400, 403, 404]).toContain(status);
  });
});

describe('what the demo server still does', () => {
  it('/ goes to the demo; the demo pages, the repository files and the locale files are served with their types', async () => {
    const home = await get('/');
    expect(home.status).toBe(302);
    const demo = await get('/demo/');
    expect(demo).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(demo.body).toContain('<html');
    expect(await get('/demo/check.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect(await get('/package.json')).toMatchObject({ status: 200, type: 'application/json; charset=utf-8' });
    expect(await get('/locales/en.json')).toMatchObject({ status: 200, type: 'application/json; charset=utf-8' });
    expect(await get('/demo/%63heck.js')).toMatchObject({ status: 200 });
    expect((await get('/demo/nowhere.html')).status).toBe(404);
  });

  it("the translators' routes: the languages, the locale check, a file sent late", async () => {
    const languages = await get('/__locales');
    expect(JSON.parse(languages.body)).toEqual(['en']);
    const checked = JSON.parse((await get('/__i18n-check')).body) as { files: string[] };
    expect(checked.files).toContain('en.json');
    const slow = await get('/__slow?ms=1&file=/locales/en.json');
    expect(slow.status).toBe(200);
  });
});

describe('the demo server sends text compressed, as a shop would', () => {
  const BROWSER = 'gzip, deflate, br, zstd';
  const decode = { br: brotliDecompressSync, gzip: gunzipSync } as const;

  it('scripts, strings, pages, styles and SVG: brotli to a browser that takes it, the same bytes once decoded', async () => {
    for (const path of [
      '/demo/demo.js',
      '/demo/policy.json',
      '/demo/index.html',
      '/demo/demo.css',
      '/demo/alba.svg',
      '/locales/en.json',
    ]) {
      const file = readFileSync(path.startsWith('/locales/') ? join(locales, 'en.json') : join(root, path));
      const { status, bytes, headers } = await getRaw(path, { 'accept-encoding': BROWSER });
      expect(status, path).toBe(200);
      expect(headers['content-encoding'], path).toBe('br');
      expect(headers.vary, path).toMatch(/accept-encoding/i);
      expect(bytes.length, path).toBeLessThan(file.length);
      expect(decode.br(bytes).equals(file), path).toBe(true);
    }
  });

  it('gzip to a client that takes gzip only, or refuses brotli', async () => {
    const file = readFileSync(join(root, 'demo/demo.js'));
    for (const accept of ['gzip', 'gzip, br;q=0', 'br;q=0.5, gzip;q=0.9', 'x-gzip, gzip;q=1']) {
      const { bytes, headers } = await getRaw('/demo/demo.js', { 'accept-encoding': accept });
      expect(headers['content-encoding'], accept).toBe('gzip');
      expect(gunzipSync(bytes).equals(file), accept).toBe(true);
    }
  });

  it('plain bytes, still marked Vary, to a client that asks for no coding or refuses both', async () => {
    const file = readFileSync(join(root, 'demo/policy.json'));
    const asked: Record<string, string>[] = [
      {},
      { 'accept-encoding': 'identity' },
      { 'accept-encoding': 'br;q=0, gzip;q=0' },
    ];
    for (const headers of asked) {
      const res = await getRaw('/demo/policy.json', headers);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.bytes.equals(file)).toBe(true);
    }
  });

  it('binary files go as they are', async () => {
    const res = await getRaw('/docs/screenshots/check.png', { 'accept-encoding': BROWSER });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.bytes.equals(readFileSync(join(root, 'docs/screenshots/check.png')))).toBe(true);
  });

  it('a file sent late (/__slow) is compressed too', async () => {
    const { bytes, headers } = await getRaw('/__slow?ms=1&file=/demo/policy.json', { 'accept-encoding': 'gzip' });
    expect(headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(bytes).toString('utf8'))).toEqual(
      JSON.parse(readFileSync(join(root, 'demo/policy.json'), 'utf8')),
    );
  });

  it('a refused path is refused whatever the encoding asked', async () => {
    for (const path of ['/..%2F..%2Fetc%2Fpasswd', '/locales/out.txt']) {
      const { status, bytes } = await getRaw(path, { 'accept-encoding': BROWSER });
      expect([400, 403, 404], path).toContain(status);
      expect(bytes.toString('utf8'), path).not.toMatch(/root:|the secret/);
    }
  });

  it('reads Accept-Encoding as HTTP does: weights, q=0 and *', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('br;q=0.1, gzip')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*, br;q=0')).toBe('gzip');
    expect(chooseEncoding('deflate')).toBeUndefined();
    expect(chooseEncoding('')).toBeUndefined();
    expect(chooseEncoding(undefined)).toBeUndefined();
  });
});

describe('npm start: HOST chooses who can open the demo', () => {
  /** Starts `node scripts/serve.mjs` on a free port with `env`; its port once it listens. */
  async function start(env: Record<string, string>) {
    const child = spawn(process.execPath, [join(root, 'scripts/serve.mjs')], {
      env: { ...process.env, PORT: '0', HOST: '', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const line = await new Promise<string>((done, fail) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk;
        if (out.includes('\n')) done(out);
      });
      child.on('exit', (code) => fail(new Error(`serve.mjs exited with ${code}`)));
    });
    return { child, port: Number(/localhost:(\d+)/.exec(line)![1]) };
  }
  /** The status of GET /demo/ at `address`, or the connection's error code. */
  const open = (address: string, port: number) =>
    new Promise<number | string>((done) => {
      const req = request({ host: address, port, path: '/demo/', method: 'GET' }, (res) => {
        res.resume();
        done(res.statusCode!);
      });
      req.on('error', (e: NodeJS.ErrnoException) => done(e.code ?? e.message));
      req.end();
    });

  // 127.0.0.2 is this machine too, but not the address 127.0.0.1: it stands for a tablet's request
  // arriving on the machine's network address.
  it('by default, only this machine (127.0.0.1): another address is refused', async () => {
    const { child, port } = await start({});
    try {
      expect(await open('127.0.0.1', port)).toBe(200);
      expect(await open('127.0.0.2', port)).toBe('ECONNREFUSED');
    } finally {
      child.kill();
    }
  });

  it('HOST=0.0.0.0: every address of the machine, as a tablet on the shop network needs', async () => {
    const { child, port } = await start({ HOST: '0.0.0.0' });
    try {
      expect(await open('127.0.0.1', port)).toBe(200);
      expect(await open('127.0.0.2', port)).toBe(200);
    } finally {
      child.kill();
    }
  });
});
