import { checkPolicy, PolicyError, type CheckResult } from '../core/parse.js';

/** How long a shopper waits for a policy before seeing the fallback. */
export const FETCH_TIMEOUT_MS = 10_000;
/** A policy is a few kilobytes; anything far larger is a mistake, not a policy. */
export const MAX_POLICY_BYTES = 1_000_000;

const fetches = new Map<string, Promise<unknown>>();
const checks = new WeakMap<object, CheckResult>();

const failure = (message: string) => new PolicyError([{ path: '', message }]);

/** Parses JSON text, naming where it came from when it is not JSON. */
export function parseJson(text: string, from: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw failure(`The policy from ${from} is not valid JSON: ${(e as Error).message}`);
  }
}

async function download(url: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), credentials: 'same-origin' });
  } catch (e) {
    throw failure(
      (e as Error).name === 'TimeoutError'
        ? `The policy at ${url} did not arrive within ${FETCH_TIMEOUT_MS / 1000} s.`
        : `The policy at ${url} could not be fetched (${(e as Error).message}); the network may be off.`,
    );
  }
  if (!response.ok) throw failure(`The policy at ${url} could not be fetched: the server answered ${response.status}.`);
  const text = await response.text();
  if (text.length > MAX_POLICY_BYTES) {
    throw failure(`The policy at ${url} is larger than ${MAX_POLICY_BYTES / 1_000_000} MB; a policy file is a few kilobytes.`);
  }
  return parseJson(text, url);
}

/** The policy at `url`: one fetch per URL per page, however many elements show it. A failure is retried next time. */
export function fetchPolicy(url: string): Promise<unknown> {
  let pending = fetches.get(url);
  if (!pending) {
    pending = download(url);
    fetches.set(url, pending);
    pending.catch(() => fetches.delete(url));
  }
  return pending;
}

/** `checkPolicy`, once per policy object, however many elements show it. */
export function checkOnce(raw: unknown): CheckResult {
  if (typeof raw !== 'object' || raw === null) return checkPolicy(raw);
  let result = checks.get(raw);
  if (!result) checks.set(raw, (result = checkPolicy(raw)));
  return result;
}

/** The policy link of a file that was rejected, when it has a usable one: the shopper still gets the full text. */
export function salvagePolicyUrl(raw: unknown): string | undefined {
  const url = (raw as { merchant?: { policyUrl?: unknown } } | undefined)?.merchant?.policyUrl;
  try {
    return typeof url === 'string' && /^https?:$/.test(new URL(url).protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}
