/**
 * The demo server's withdrawal endpoint: what a shop's backend does for `<policy-withdrawal>`, so
 * that the whole flow runs on `npm start`. It checks the request as the policy format's spec
 * describes it (`application/json`: `{ name, order, email, lang, submittedAt }`), appends each
 * withdrawal to a JSON-lines file (one JSON object a line, never rewritten), and answers 201 with
 * `{ id, receivedAt }`: the acknowledgement number and the instant it was received.
 *
 *   POST    /api/withdrawal               a withdrawal → 201 { id, receivedAt }, or 4xx { error, field? }
 *   OPTIONS /api/withdrawal               the CORS preflight (a page on 127.0.0.1 posting to localhost)
 *   POST    /api/withdrawal/unavailable   always 503: the failure a shopper must not lose anything to
 *
 * The file: WITHDRAWALS_FILE, else <temp>/policy-explainer/withdrawals.jsonl. A real shop also sends
 * the acknowledgement to the shopper's e-mail address (a durable medium, art. 11a(3)): the demo
 * only records it.
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const WITHDRAWAL_PATH = '/api/withdrawal';
export const UNAVAILABLE_PATH = '/api/withdrawal/unavailable';
export const DEFAULT_FILE = join(tmpdir(), 'policy-explainer', 'withdrawals.jsonl');

/** A request body larger than this is refused: three short fields, a language tag and an instant. */
const MAX_BODY = 16 * 1024;

/** The longest value of each field, and how a valid one looks. */
const FIELDS = {
  name: { max: 200, valid: (s) => s.trim() !== '' },
  order: { max: 100, valid: (s) => s.trim() !== '' },
  // The same shape as the policy format's e-mail check (src/core/parse.ts, isEmail).
  email: {
    max: 254,
    valid: (s) => /^[^\s@<>()[\]\\,;:"?&=]+@[^\s@<>()[\]\\,;:"?&=.]+(\.[^\s@<>()[\]\\,;:"?&=.]+)+$/.test(s),
  },
  lang: {
    max: 35,
    valid: (s) => {
      try {
        return Intl.getCanonicalLocales(s).length === 1;
      } catch {
        return false;
      }
    },
  },
  // An ISO 8601 instant, with its offset or Z: what Date#toISOString writes.
  submittedAt: {
    max: 40,
    valid: (s) =>
      /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s) &&
      isRealDate(s.slice(0, 10)),
  },
};

/** Whether YYYY-MM-DD is a day of the calendar (Date.parse takes 2026-02-30 for 2 March). */
function isRealDate(day) {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Why a request body is not a withdrawal, with the field at fault; undefined when it is one. */
export function requestProblem(body) {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { error: 'The request must be a JSON object: { name, order, email, lang, submittedAt }.' };
  for (const [field, { max, valid }] of Object.entries(FIELDS)) {
    const value = Object.hasOwn(body, field) ? body[field] : undefined;
    if (value === undefined) return { field, error: `"${field}" is missing.` };
    if (typeof value !== 'string') return { field, error: `"${field}" must be a string.` };
    if (value.length > max) return { field, error: `"${field}" must be at most ${max} characters.` };
    if (!valid(value)) return { field, error: `"${field}" is not valid.` };
  }
  return undefined;
}

/** An acknowledgement number: the day received (UTC) and 8 random hex digits, W-20261202-3f9a1c2e. */
const newId = (at) => `W-${at.toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(4).toString('hex')}`;

/**
 * A request handler for the withdrawal paths: `(req, res, path) => boolean`, true when it answered
 * (the path was its own). `file` is where withdrawals are appended (default: WITHDRAWALS_FILE as it
 * is at each request, else DEFAULT_FILE); `now` the clock (tests fix it).
 */
export function createWithdrawalEndpoint({ file, now = () => new Date() } = {}) {
  const fileNow = () => file ?? (process.env.WITHDRAWALS_FILE || DEFAULT_FILE);
  const answer = (res, status, body, headers = {}) => {
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'access-control-allow-origin': '*',
      ...headers,
    });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  };

  return function handleWithdrawal(req, res, path) {
    if (path !== WITHDRAWAL_PATH && path !== UNAVAILABLE_PATH) return false;
    if (req.method === 'OPTIONS') {
      answer(res, 204, undefined, {
        'access-control-allow-methods': 'POST, OPTIONS',
        'access-control-allow-headers': 'content-type, accept',
        'access-control-max-age': '600',
      });
      return true;
    }
    if (req.method !== 'POST') {
      answer(res, 405, { error: 'Only POST is allowed here.' }, { allow: 'POST, OPTIONS' });
      return true;
    }
    if (path === UNAVAILABLE_PATH) {
      // Read nothing, keep nothing: the demo of an endpoint that is down.
      req.resume();
      answer(res, 503, { error: 'The withdrawal service is unavailable (on purpose: this is the demo of a failure).' });
      return true;
    }
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    if (type !== 'application/json') {
      req.resume();
      answer(res, 415, { error: 'The request must be application/json.' });
      return true;
    }
    const chunks = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY && !refused) {
        refused = true;
        answer(res, 413, { error: `The request must be at most ${MAX_BODY} bytes.` }, { connection: 'close' });
        req.destroy();
      } else if (!refused) chunks.push(chunk);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      if (refused) return;
      try {
        let body;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          return answer(res, 400, { error: 'The request is not valid JSON.' });
        }
        const problem = requestProblem(body);
        if (problem) return answer(res, 400, problem);
        const at = now();
        const receivedAt = at.toISOString();
        const id = newId(at);
        // Only the fields of a withdrawal are kept, whatever else the request carried.
        const { name, order, email, lang, submittedAt } = body;
        const target = fileNow();
        mkdirSync(dirname(target), { recursive: true });
        // One line, appended: an earlier withdrawal is never rewritten.
        appendFileSync(target, `${JSON.stringify({ id, receivedAt, name, order, email, lang, submittedAt })}\n`, {
          flag: 'a',
        });
        answer(res, 201, { id, receivedAt });
      } catch {
        // The file could not be written: not received, and the shopper is told so.
        if (!res.headersSent) answer(res, 500, { error: 'The withdrawal could not be recorded.' });
      }
    });
    return true;
  };
}

/** The demo server's own endpoint (scripts/serve.mjs), writing to WITHDRAWALS_FILE or the default file. */
export const handleWithdrawal = createWithdrawalEndpoint();
