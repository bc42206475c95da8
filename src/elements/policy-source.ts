import {
  hasWords,
  describe,
  findProblems,
  isHttpUrl,
  isParsedPolicy,
  own,
  PolicyError,
  type CheckResult,
  type Found,
} from '../core/parse.js';

/**
 * How long a shopper waits for a policy before seeing the fallback, and the largest file read: a
 * policy is a few kilobytes, anything far larger is a mistake. Module settings rather than
 * constants so that a test can lower them.
 */
export const fetchLimits = { timeoutMs: 10_000, maxBytes: 1_000_000 };

const fetches = new Map<string, Promise<unknown>>();
const checks = new WeakMap<object, CheckResult | Promise<CheckResult>>();

const failure = (message: string) => new PolicyError([{ path: '', message }]);

/** Parses JSON text, naming where it came from when it is not JSON. */
export function parseJson(text: string, from: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const why = (e as Error).message;
    throw failure(`The policy from ${from} is not valid JSON: ${why}${/[.?!]$/.test(why) ? '' : '.'}`);
  }
}

/**
 * Content types read as a policy: JSON (`application/json`, `text/json`, any `…+json`), plain text
 * and bytes of no stated kind (`text/plain`, `application/octet-stream`, or no type), which some
 * hosts send for .json files. Anything else, a web page above all, is refused with its type named:
 * a 200 HTML page is what a wrong address or a site's catch-all route gives.
 */
const READABLE = /^(application\/(json|octet-stream)|text\/(json|plain)|[\w.+-]+\/[\w.+-]+\+json)?$/;

/** The body as text, refused as soon as it passes the size limit, declared or counted. */
async function readLimited(response: Response, url: string): Promise<string> {
  const { maxBytes } = fetchLimits;
  const tooLarge = () =>
    failure(
      `The policy at ${url} is larger than ${maxBytes / 1_000_000} MB (${maxBytes} bytes); a policy file is a few kilobytes.`,
    );
  if (Number(response.headers.get('content-length')) > maxBytes) throw tooLarge();
  if (!response.body) return response.text();
  // Counted as it comes, for a server that sends no length (or a wrong one): never more kept than allowed.
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let [bytes, text] = [0, ''];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      void reader.cancel().catch(() => {});
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
}

async function download(url: string, signal: AbortSignal): Promise<unknown> {
  let response: Response;
  try {
    // Mode cors (the default) and same-origin credentials: the request a `<link rel="preload"
    // as="fetch" crossorigin>` makes, so the browser hands over the preloaded response instead of
    // downloading the file again (README, tests/elements/preload.test.ts).
    response = await fetch(url, { signal, credentials: 'same-origin' });
  } catch (e) {
    throw failure(`The policy at ${url} could not be fetched (${(e as Error).message}); the network may be off.`);
  }
  if (!response.ok) throw failure(`The policy at ${url} could not be fetched: the server answered ${response.status}.`);
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!READABLE.test(type)) {
    throw failure(
      `The policy at ${url} came as ${type}, not JSON${/html/.test(type) ? ': the address leads to a web page, not to the policy file' : ''}. Serve the file as application/json.`,
    );
  }
  return parseJson(await readLimited(response, url), url);
}

/** `download`, given up after the time limit, whether the wait is for the headers or the body. */
async function downloadInTime(url: string): Promise<unknown> {
  const { timeoutMs } = fetchLimits;
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(failure(`The policy at ${url} did not arrive within ${timeoutMs / 1000} s.`));
      controller.abort();
    }, timeoutMs);
  });
  try {
    return await Promise.race([download(url, controller.signal), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The policy at `url`: one fetch per URL per page, however many elements show it. A failure is retried next time. */
export function fetchPolicy(url: string): Promise<unknown> {
  let pending = fetches.get(url);
  if (!pending) {
    pending = downloadInTime(url);
    fetches.set(url, pending);
    pending.catch(() => fetches.delete(url));
  }
  return pending;
}

/**
 * `checkPolicy`, once per policy object, however many elements show it, without the warnings that
 * depend on the date (the element asks for those once the page is idle). A policy already parsed
 * (the one a summary or kiosk hands its sections) is taken as it is: its warnings were reported.
 *
 * A policy without problems, the usual case, is answered at once. One with errors or warnings is
 * answered once the words of its problems (core/messages.ts, a chunk of its own) have loaded: the
 * verdict and the policy are the check's, whatever the words.
 */
export function checkOnce(raw: unknown): ElementCheck | Promise<CheckResult> {
  if (isParsedPolicy(raw)) return { policy: raw, errors: [], warnings: [] };
  if (typeof raw !== 'object' || raw === null) return inWords(findProblems(raw));
  let result = checks.get(raw);
  if (!result) {
    const pending = (result = inWords(findProblems(raw)));
    checks.set(raw, pending);
    // Once in words, the result itself: the next element showing this policy has it at once.
    if (pending instanceof Promise) void pending.then((done) => checks.get(raw) === pending && checks.set(raw, done));
  }
  return result;
}

/**
 * The check's result with its problems in words: at once when it has none, else after loading
 * messages.ts (which registers itself with parse.ts). Should that chunk fail to load, each problem
 * is still reported at its path, by its code: the verdict does not wait on the words.
 */
function inWords(found: Found): ElementCheck | Promise<CheckResult> {
  if ((!found.errors.length && !found.warnings.length) || hasWords()) return describe(found);
  const described = import('../core/messages.js').then(
    () => describe(found),
    () => describe(found),
  );
  // A policy the elements can show, with warnings for its author: shown at once, the warnings
  // logged once they are in words.
  return found.errors.length ? described : { ...describe(found), warnings: [], wordsLoading: described };
}

/**
 * What `checkOnce` answers at once: the verdict, and for a policy that can be shown but has
 * warnings, those warnings on their way into words (`wordsLoading`) while `warnings` is empty.
 */
export type ElementCheck = CheckResult & { wordsLoading?: Promise<CheckResult> };

/** The policy link of a file that was rejected, when it has a usable one: the shopper still gets the full text. */
export function salvagePolicyUrl(raw: unknown): string | undefined {
  try {
    // The file was rejected: its merchant may be anything, even a getter that throws. Own
    // properties only: Object.prototype.policyUrl on the page is not the merchant's link.
    const url = own(own(raw, 'merchant'), 'policyUrl');
    return isHttpUrl(url) ? url : undefined;
  } catch {
    return undefined;
  }
}
