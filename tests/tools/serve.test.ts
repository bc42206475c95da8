/**
 * `npm start` (scripts/serve.mjs): the demo server serves the repository, and the folder of locale
 * files it is given as /locales/, and nothing else on the machine: not a sibling folder whose name
 * starts with the repository's, not through "..", encoded slashes, backslashes or NUL, not through
 * a symbolic link that leads out of the tree. Its own routes still work.
 */
import { request, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../scripts/serve.mjs';

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
function get(path: string): Promise<{ status: number; body: string; type?: string }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode!, body, type: res.headers['content-type'] }));
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
