/**
 * `npx policy-explainer render policy.json --element policy-summary --lang fr`: the element's
 * HTML as the server renders it (declarative shadow DOM), or plain HTML for e-mails (`--static`),
 * or plain text (`--text`). The server entry (and Lit) is loaded by this command alone.
 */
import { readInstant } from '../core/calendar.js';
import { checkPolicy } from '../core/index.js';
import type { RenderElementOptions } from '../server.js';

export const RENDER_USAGE = `Usage: policy-explainer render [--element <tag>] [--lang <tag>] [--now <instant>] [--static | --text]
                              [--method <id>] [--country <code>] [--delivered-on <date>]
                              [--ordered-at <instant>] [--attr <name>=<value>]... [--] <policy.json>

Prints an element as the server renders it: its HTML with a declarative shadow root
(<template shadowrootmode="open">), the dates in it before any script runs.

  --element <tag>        policy-summary (default), policy-delivery-window, policy-returns,
                         policy-non-refundable, policy-cancellation or policy-kiosk
  --lang <tag>           the language: fr, es, en, or a regional tag such as fr-CA (default en)
  --now <instant>        the instant to render at (default: now), e.g. 2026-12-24T10:00:00+01:00,
                         or 2026-12-24T10:00 on the shop's own clock
  --static               plain HTML for e-mails and print: inline styles, no custom elements,
                         no shadow DOM, no script
  --text                 plain text, a line per block: an e-mail's text part
  --method, --country, --delivered-on, --ordered-at, --sections, --heading-level
                         the element's attributes of those names
  --attr <name>=<value>  any other attribute

A policy with errors renders the element's polite fallback, as on a page, and the command exits 1
(policy-explainer check says where the errors are).

Exit status: 0 printed, 1 the policy has errors, 2 the file could not be read or the command
was not understood.`;

const ATTRIBUTE_OPTIONS = ['method', 'country', 'delivered-on', 'ordered-at', 'sections', 'heading-level'];

/** The command; returns the exit status. `read` reads a policy file as `check` does. */
export async function renderCommand(
  args: string[],
  out: (text: string) => void,
  read: (file: string) => string,
  warn: (text: string) => void = console.error,
): Promise<number> {
  const fail = (message: string) => {
    out(`policy-explainer render: ${message}`);
    return 2;
  };
  const files: string[] = [];
  const attributes: Record<string, string> = {};
  let element = 'policy-summary';
  let lang = 'en';
  let now: string | undefined;
  let form: 'html' | 'static' | 'text' = 'html';
  let onlyFiles = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = (what: string) => {
      const v = args[++i];
      if (v === undefined || v === '') throw new Error(`${arg} needs ${what}`);
      return v;
    };
    try {
      if (onlyFiles || !arg.startsWith('-')) files.push(arg);
      else if (arg === '--') onlyFiles = true;
      else if (arg === '--help' || arg === '-h') {
        out(RENDER_USAGE);
        return 0;
      } else if (arg === '--element') element = value('a tag, such as policy-summary');
      else if (arg === '--lang') lang = value('a language tag, such as fr');
      else if (arg === '--now') now = value('a date and time, such as 2026-12-24T10:00:00+01:00');
      else if (arg === '--static') form = 'static';
      else if (arg === '--text') form = 'text';
      else if (ATTRIBUTE_OPTIONS.includes(arg.slice(2))) attributes[arg.slice(2)] = value('a value');
      else if (arg === '--attr') {
        const pair = value('name=value');
        const at = pair.indexOf('=');
        if (at < 1) throw new Error(`--attr needs name=value (found ${JSON.stringify(pair)})`);
        attributes[pair.slice(0, at)] = pair.slice(at + 1);
      } else return fail(`unknown option ${JSON.stringify(arg)}\n\n${RENDER_USAGE}`);
    } catch (e) {
      return fail((e as Error).message);
    }
  }
  if (files.length !== 1) return fail(`give one policy file\n\n${RENDER_USAGE}`);
  if (now !== undefined) {
    try {
      readInstant(now, 'UTC');
    } catch {
      return fail(`--now needs a date and time, such as 2026-12-24T10:00:00+01:00 (found ${JSON.stringify(now)})`);
    }
  }
  const file = files[0]!;
  let text: string;
  try {
    text = read(file);
  } catch (e) {
    return fail(`cannot read ${JSON.stringify(file)}: ${(e as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    // Rendered all the same: the element shows its fallback for a file that is not JSON.
    raw = text;
  }
  // What the elements do with it: show it (unknown fields ignored), or their fallback.
  const { policy, errors } = checkPolicy(text, now === undefined ? {} : { now });
  let server: typeof import('../server.js');
  try {
    server = await import('../server.js');
  } catch (e) {
    return fail(
      `rendering needs @lit-labs/ssr beside policy-explainer (npm install @lit-labs/ssr): ${(e as Error).message}`,
    );
  }
  const options: RenderElementOptions = {
    element,
    policy: raw,
    attributes,
    lang,
    ...(now === undefined ? {} : { now }),
  };
  try {
    const render = { html: server.renderElement, static: server.renderStaticHtml, text: server.renderText }[form];
    out(await render(options));
  } catch (e) {
    return fail((e as Error).message);
  }
  const name = JSON.stringify(file);
  const count = `${errors.length} error${errors.length > 1 ? 's' : ''}`;
  if (!policy) warn(`policy-explainer render: ${name} is not valid (${count}): the element shows its fallback.`);
  else if (errors.length) warn(`policy-explainer render: ${name} has ${count}, which the element ignores.`);
  if (errors.length) {
    warn('policy-explainer check says where.');
    return 1;
  }
  return 0;
}
