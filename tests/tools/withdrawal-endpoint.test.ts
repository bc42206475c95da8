/**
 * The demo server's withdrawal endpoint (scripts/withdrawal-endpoint.mjs): it takes the request the
 * spec describes, appends it to a JSON-lines file and answers { id, receivedAt }; it refuses what
 * is not a withdrawal, saying which field; and the demo server (npm start) answers at its path.
 */
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWithdrawalEndpoint, requestProblem } from '../../scripts/withdrawal-endpoint.mjs';

const RECEIVED = new Date('2026-12-02T09:15:00.000Z');
const valid = () => ({
  name: 'Jeanne Martin',
  order: '2026-0042',
  email: 'jeanne@example.com',
  lang: 'fr',
  submittedAt: '2026-12-02T09:14:58.120Z',
});

let server: Server;
let origin: string;
let file: string;

beforeAll(async () => {
  file = join(mkdtempSync(join(tmpdir(), 'withdrawals-')), 'data', 'withdrawals.jsonl');
  const handle = createWithdrawalEndpoint({ file, now: () => RECEIVED });
  server = createServer((req, res) => {
    if (!handle(req, res, new URL(req.url ?? '/', 'http://localhost').pathname)) {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

const post = (body: unknown, { path = '/api/withdrawal', type = 'application/json' } = {}) =>
  fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': type },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const lines = () =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, string>)
    : [];

describe('the withdrawal endpoint', () => {
  it('acknowledges a withdrawal: 201 { id, receivedAt }, the record appended as one JSON line', async () => {
    const before = lines().length;
    const res = await post({ ...valid(), extra: 'not kept' });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const ack = (await res.json()) as { id: string; receivedAt: string };
    expect(ack.receivedAt).toBe('2026-12-02T09:15:00.000Z');
    expect(ack.id).toMatch(/^W-20261202-[0-9a-f]{8}$/);
    const written = lines();
    expect(written).toHaveLength(before + 1);
    expect(written.at(-1)).toEqual({ id: ack.id, receivedAt: ack.receivedAt, ...valid() });
  });

  it('appends: an earlier withdrawal is kept byte for byte, and each gets its own id', async () => {
    await post(valid());
    const text = readFileSync(file, 'utf8');
    const res = await post({ ...valid(), name: 'Lucía Pérez', lang: 'es' });
    expect(res.status).toBe(201);
    const after = readFileSync(file, 'utf8');
    expect(after.startsWith(text)).toBe(true);
    const ids = lines().map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  const bad: [string, unknown, string | undefined][] = [
    ['a list', [valid()], undefined],
    ['no name', { ...valid(), name: undefined }, 'name'],
    ['a blank name', { ...valid(), name: '   ' }, 'name'],
    ['no order', { ...valid(), order: undefined }, 'order'],
    ['an order number as a number', { ...valid(), order: 42 }, 'order'],
    ['an e-mail without a domain', { ...valid(), email: 'jeanne@' }, 'email'],
    ['no lang', { ...valid(), lang: undefined }, 'lang'],
    ['a lang that is not a tag', { ...valid(), lang: 'en_GB!' }, 'lang'],
    ['a submittedAt without an offset', { ...valid(), submittedAt: '2026-12-02T09:14:58' }, 'submittedAt'],
    ['a submittedAt that is no instant', { ...valid(), submittedAt: '2026-02-30T09:14:58Z' }, 'submittedAt'],
    ['a name of 201 characters', { ...valid(), name: 'x'.repeat(201) }, 'name'],
  ];
  for (const [what, body, field] of bad) {
    it(`refuses ${what}: 400, naming the field, nothing written`, async () => {
      const before = lines().length;
      const res = await post(body);
      expect(res.status).toBe(400);
      const answer = (await res.json()) as { error: string; field?: string };
      expect(answer.field).toBe(field);
      expect(answer.error).toMatch(/^["A-Z]/);
      expect(lines()).toHaveLength(before);
    });
  }

  it('refuses a body that is not JSON (400), not application/json (415), or too large (413)', async () => {
    expect((await post('{"name": ')).status).toBe(400);
    expect((await post(JSON.stringify(valid()), { type: 'text/plain' })).status).toBe(415);
    const huge = await post({ ...valid(), padding: 'x'.repeat(20_000) }).catch(() => undefined);
    // The server answers 413 and closes; a client may see the answer or the closed connection.
    if (huge) expect(huge.status).toBe(413);
  });

  it('answers the CORS preflight, and refuses GET with 405', async () => {
    const preflight = await fetch(`${origin}/api/withdrawal`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');
    const get = await fetch(`${origin}/api/withdrawal`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST, OPTIONS');
  });

  it('has a path that always fails (503), for the demo of a failure, and writes nothing there', async () => {
    const before = lines().length;
    const res = await post(valid(), { path: '/api/withdrawal/unavailable' });
    expect(res.status).toBe(503);
    expect(lines()).toHaveLength(before);
  });

  it('leaves other paths to the server', async () => {
    expect((await fetch(`${origin}/api/withdrawals`)).status).toBe(404);
  });

  it('requestProblem accepts the request <policy-withdrawal> sends', () => {
    expect(requestProblem({ ...valid(), submittedAt: new Date(0).toISOString() })).toBeUndefined();
  });
});

describe('npm start (scripts/serve.mjs) answers at /api/withdrawal', () => {
  it('with an acknowledgement, written to WITHDRAWALS_FILE', async () => {
    const own = join(mkdtempSync(join(tmpdir(), 'withdrawals-serve-')), 'withdrawals.jsonl');
    process.env.WITHDRAWALS_FILE = own;
    // The endpoint reads the variable at each request.
    const { serve } = await import('../../scripts/serve.mjs');
    const demo = await serve(0);
    try {
      const { port } = demo.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/api/withdrawal`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(valid()),
      });
      expect(res.status).toBe(201);
      const { id } = (await res.json()) as { id: string };
      expect(readFileSync(own, 'utf8')).toContain(id);
    } finally {
      delete process.env.WITHDRAWALS_FILE;
      await new Promise<void>((done) => demo.close(() => done()));
    }
  });
});
