/**
 * `npx policy-explainer check policy.json`: the policy file checked before it goes live, every
 * problem at its line and column (file:line:column, which editors and terminals turn into links),
 * with its JSON Pointer path and a plain message; then, for a valid file, what shoppers are told
 * today, so that the merchant sees the promises before the shoppers do.
 *
 * Exit status: 0 valid (warnings allowed), 1 a file has errors, 2 a file could not be read or
 * the command was not understood.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { readInstant } from '../core/calendar.js';
import {
  checkPolicy,
  euLawCheck,
  freeCancellationEnd,
  outsideEu,
  PolicyError,
  quoteDelivery,
  returnDeadline,
  wallClock,
  type Policy,
} from '../core/index.js';
import { findings, type Placed } from './findings.js';
import { HOLIDAYS_USAGE, holidaysCommand } from './holidays.js';
import { jsonldCommand } from './jsonld.js';
import { renderCommand } from './render.js';

const USAGE = `Usage: policy-explainer check [--now <date and time>] [--country <code>] [--json] [--] <policy.json>...

Checks policy files against the policy format (version 1). For each problem: where it is
(file:line:column and the JSON Pointer path) and what to change. For a valid file: the dates
shoppers are told today.

  --now <instant>  check as of another moment, e.g. 2026-12-24T10:00:00+01:00, or
                   2026-12-24T10:00 on the shop's own clock
  --country <code> also warn where the policy falls short of EU consumer law for distance
                   sales to that country (FR, ES, DE...): each warning cites its rule
  --json           print the results as JSON ({file, errors, warnings} per file)
  --               what follows are files, even a name that starts with "-"

Unknown fields are errors here: the elements would ignore them. A file over 1 MB is refused,
as the elements refuse it.

Exit status: 0 valid (warnings allowed), 1 errors found, 2 a file could not be read.

       policy-explainer holidays <country> --years <from>-<to> [--region <code>] [--write <policy.json>]

Lists a country's public holidays for calendar.holidays, or adds them to a policy file
(policy-explainer holidays --help says more).

       policy-explainer jsonld [--level offer|organization] [--now <instant>] <policy.json>

Prints the policy as schema.org JSON-LD for search engines (policy-explainer jsonld --help says more).

       policy-explainer render [--element <tag>] [--lang <tag>] [--now <instant>] [--static | --text] <policy.json>

Prints an element's HTML as the server renders it, or plain HTML or text for e-mails
(policy-explainer render --help says more).`;

export interface FileReport {
  file: string;
  errors: Placed[];
  warnings: Placed[];
  policy?: Policy;
}

/** The largest policy file read, in bytes: the elements' own limit for a fetched policy. */
export const MAX_BYTES = 1_000_000;

/**
 * A policy file's text, read up to `MAX_BYTES` and refused past them, so that a huge file, a
 * device (/dev/zero) or a pipe that never ends cannot keep the command reading for ever. Without
 * the byte-order mark some editors write: the elements read such a file too.
 */
export function readPolicyFile(file: string): string {
  const tooLarge = () =>
    new Error(`it is larger than ${MAX_BYTES / 1_000_000} MB (${MAX_BYTES} bytes); a policy file is a few kilobytes.`);
  const fd = openSync(file, 'r');
  try {
    const stat = fstatSync(fd);
    if (stat.isFile() && stat.size > MAX_BYTES) throw tooLarge();
    // One byte more than the limit: reading it says the limit is passed.
    const buffer = Buffer.alloc(MAX_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (!read) break;
      length += read;
    }
    if (length > MAX_BYTES) throw tooLarge();
    return buffer.toString('utf8', 0, length).replace(/^\uFEFF/, '');
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads and checks one file; problems get their line and column. With `country` (an EU member
 * state), the EU consumer-law warnings follow the format's own.
 */
export function checkFile(file: string, text: string, now: Date | string, country?: string): FileReport {
  const { policy, ...issues } = checkPolicy(text, { now });
  if (policy && country) {
    // The file as written: the legal check reads sections this version's parser may not know yet.
    const legal = euLawCheck(policy, { country, now, raw: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown });
    issues.warnings = [...issues.warnings, ...legal.warnings];
  }
  return { file, ...findings(text, issues), ...(policy ? { policy } : {}) };
}

/**
 * What a terminal would act on rather than show: C0 and C1 controls (ESC starts the sequences that
 * clear the screen, set the window title or make a link; U+009B is ESC [ in one character), DEL,
 * the bidi controls that turn the text after them around, and the line and paragraph separators.
 */
// Control characters are what these two patterns are for.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
const BUT_NEWLINES =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
const code = (c: string) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * `s` for a terminal: each control character written as `\uXXXX`, so the merchant sees what the
 * file holds and the terminal does nothing with it. For whatever comes from a file, its name or
 * the command line (a file name could hold "\n" and forge a line of the report).
 */
export const escapeControls = (s: string) => s.replace(CONTROLS, code);

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What shoppers are told today, in plain English, for the merchant to read before going live. */
export function promises(policy: Policy, at: Date | string): string[] {
  try {
    return promisesAt(policy, at);
  } catch (e) {
    // A moment the calendar cannot reach (past 9999, say): said plainly, not a crash.
    if (!(e instanceof PolicyError)) throw e;
    return [
      `As of ${escapeControls(String(at))}, no dates can be worked out: ${escapeControls(e.issues.map((i) => i.message).join(' '))}`,
    ];
  }
}

function promisesAt(policy: Policy, at: Date | string): string[] {
  const { timeZone } = policy.merchant;
  // Without an offset, a reading of the shop's clock.
  const now = new Date(readInstant(at, timeZone, `--now (${String(at)})`));
  const day = (iso: string) =>
    new Intl.DateTimeFormat('en-GB', {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${iso}T00:00:00Z`));
  const instant = (iso: string) =>
    new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
  const lines = [`As of ${instant(now.toISOString())} (${escapeControls(timeZone)}), shoppers are told:`];
  for (const m of policy.delivery?.methods ?? []) {
    const q = quoteDelivery(policy, { method: m.id, now });
    const dates =
      q.quoted.earliest === q.quoted.latest
        ? `on ${day(q.quoted.earliest)}`
        : `between ${day(q.quoted.earliest)} and ${day(q.quoted.latest)}`;
    const carrier =
      q.actual.earliest === q.actual.latest
        ? day(q.actual.earliest)
        : `${day(q.actual.earliest)} – ${day(q.actual.latest)}`;
    lines.push(
      `  delivery "${escapeControls(m.id)}": ${dates} (the carrier's own estimate: ${carrier})${q.cutoff ? `, if ordered before ${instant(q.cutoff)}` : ''}`,
    );
  }
  if (policy.returns) {
    const today = wallClock(now, timeZone).date;
    lines.push(
      `  returns: ${plural(policy.returns.windowDays, 'day')}; an item delivered today may be sent back until ${day(returnDeadline(policy, today))}`,
    );
  }
  if (policy.cancellation?.free) {
    const end = freeCancellationEnd(policy, now);
    lines.push(
      `  cancellation: free ${end ? `until ${instant(end)} for an order placed now` : 'until the order ships'}`,
    );
  }
  for (const item of policy.nonRefundable ?? [])
    lines.push(`  no returns: "${escapeControls(item.id)}" (${escapeControls(item.reason)})`);
  return lines;
}

/** Whether `--now` is an ISO 8601 instant (its range is checked against each file's zone). */
function readableInstant(value: string): boolean {
  try {
    return !Number.isNaN(readInstant(value, 'UTC'));
  } catch {
    // Outside the years 1000 to 9999 in UTC: each file says so in its own zone.
    return true;
  }
}

function report(result: FileReport): string[] {
  const where = (i: FileReport['errors'][number]) =>
    `${escapeControls(result.file)}${i.line ? `:${i.line}:${i.column}` : ''}`;
  // The path holds the policy's own keys, the message its keys and values, the JSON parser's message a snippet of the file.
  const line = (i: Placed, kind: string) =>
    `${where(i)}  ${kind}  ${escapeControls(i.path) || '(the whole file)'}  ${escapeControls(i.message)}`;
  return [...result.errors.map((e) => line(e, 'error  ')), ...result.warnings.map((w) => line(w, 'warning'))];
}

/**
 * The command line; returns the exit status. Nothing it prints holds a raw control character:
 * what comes from a file or the command line is escaped where it is written in, and every line
 * once more on its way out (but the line breaks of the command's own text); the JSON of `--json`
 * too, where JSON.stringify leaves C1 and bidi controls raw (`\uXXXX` is JSON's own escape).
 */
export function main(args: string[], print: (line: string) => void = console.log): number | Promise<number> {
  const out = (text: string) => print(text.replace(BUT_NEWLINES, code));
  const [command, ...rest] = args;
  if (command === '--help' || command === '-h' || command === 'help') {
    out(USAGE);
    return 0;
  }
  // The schema.org JSON-LD of a policy file (jsonld.ts).
  if (command === 'jsonld') return jsonldCommand(rest, out, readPolicyFile);
  // An element rendered on the server (render.ts; loads Lit only then).
  if (command === 'render') return renderCommand(rest, out, readPolicyFile);
  if (command === 'holidays') {
    if (rest.includes('--help') || rest.includes('-h')) {
      out(HOLIDAYS_USAGE);
      return 0;
    }
    // Every value from the command line is quoted with JSON.stringify there; out escapes the rest.
    return holidaysCommand(rest, out);
  }
  const files: string[] = [];
  let now: Date | string = new Date();
  let json = false;
  let country: string | undefined;
  // After "--", every argument is a file: `check -- -rf.json`.
  let options = true;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (!options) files.push(arg);
    else if (arg === '--') options = false;
    else if (arg === '--json') json = true;
    else if (arg === '--country') {
      country = (rest[++i] ?? '').toUpperCase();
      if (!/^[A-Z]{2}$/.test(country)) {
        out(
          `policy-explainer: --country needs a two-letter country code, such as FR or ES (found ${escapeControls(JSON.stringify(rest[i] ?? ''))})`,
        );
        return 2;
      }
    } else if (arg === '--now') {
      now = rest[++i] ?? '';
      if (!readableInstant(now)) {
        out(
          `policy-explainer: --now needs a date and time, such as 2026-12-24T10:00:00+01:00 (found ${escapeControls(JSON.stringify(rest[i] ?? ''))})`,
        );
        return 2;
      }
    } else if (arg.startsWith('-')) {
      out(`policy-explainer: unknown option ${escapeControls(arg)}\n\n${USAGE}`);
      return 2;
    } else files.push(arg);
  }
  if (command !== 'check' || !files.length) {
    out(USAGE);
    return 2;
  }
  // Outside the EU, said once: the files are still checked against the format.
  const outside = country ? outsideEu(country) : undefined;
  if (outside && !json) out(`policy-explainer: ${outside}`);
  let status = 0;
  const results: Omit<FileReport, 'policy'>[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readPolicyFile(file);
    } catch (e) {
      out(`policy-explainer: cannot read ${escapeControls(file)}: ${escapeControls((e as Error).message)}`);
      status = 2;
      continue;
    }
    const { policy, ...result } = checkFile(file, text, now, outside ? undefined : country);
    results.push(result);
    if (result.errors.length) status = Math.max(status, 1);
    if (json) continue;
    for (const line of report(result)) out(line);
    const counts = `${plural(result.errors.length, 'error')}, ${plural(result.warnings.length, 'warning')}`;
    const name = escapeControls(file);
    if (policy && result.errors.length) {
      out(
        `${name}: not valid (${counts}). The elements would ignore the unknown fields and show what follows; fix their names.`,
      );
      for (const line of promises(policy, now)) out(line);
    } else if (policy) {
      out(`${name}: valid (${counts})`);
      for (const line of promises(policy, now)) out(line);
    } else {
      out(`${name}: not valid (${counts}). Shoppers would see a polite "ask us" message instead of this policy.`);
    }
  }
  if (json) out(JSON.stringify(results, null, 2));
  return status;
}
