/**
 * `npx policy-explainer jsonld policy.json [--level offer|organization] [--now <instant>]`: the
 * policy as schema.org JSON-LD, ready to paste into a `<script type="application/ld+json">` (every
 * `<` is written `\u003c`, so no text in it can end the script).
 */
import { readInstant } from '../core/calendar.js';
import { checkPolicy, PolicyError } from '../core/index.js';
import { structuredData, structuredDataScript, type StructuredDataOptions } from '../core/jsonld.js';
import { findings } from './findings.js';

export const JSONLD_USAGE = `Usage: policy-explainer jsonld [--level offer|organization] [--now <instant>] [--lang <tag>]
                              [--non-refundable <id>] [--] <policy.json>

Prints the policy as schema.org JSON-LD, the structured data search engines read for merchant
listings, to paste into a <script type="application/ld+json"> element.

  --level offer         (default) an Offer with shippingDetails and hasMerchantReturnPolicy,
                        to merge into a product page's own Offer
  --level organization  an OnlineStore with hasShippingService and hasMerchantReturnPolicy,
                        the shop's standing policies, for its home or policy page
  --now <instant>       the date the cutoff's UTC offset is taken on (default: now), e.g.
                        2026-07-01T10:00 on the shop's clock; it changes with daylight saving time
  --lang <tag>          the language of method labels, the shop's name and item lists (default en)
  --non-refundable <id> offer level: the product belongs to that non-refundable entry (custom-made
                        and perishable goods are then marked as not returnable)

Exit status: 0 printed, 1 the policy has errors (policy-explainer check says where), 2 the file
could not be read or the command was not understood.`;

const LEVELS = ['offer', 'organization'] as const;

/** The command; returns the exit status. `read` reads a policy file as `check` does. */
export function jsonldCommand(args: string[], out: (text: string) => void, read: (file: string) => string): number {
  const options: StructuredDataOptions = {};
  const files: string[] = [];
  let onlyFiles = false;
  const fail = (message: string) => {
    out(`policy-explainer jsonld: ${message}`);
    return 2;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => args[++i];
    if (onlyFiles || !arg.startsWith('-')) files.push(arg);
    else if (arg === '--') onlyFiles = true;
    else if (arg === '--help' || arg === '-h') {
      out(JSONLD_USAGE);
      return 0;
    } else if (arg === '--level') {
      const level = value();
      if (!LEVELS.includes(level as (typeof LEVELS)[number]))
        return fail(`--level is "offer" or "organization" (found ${JSON.stringify(level ?? '')})`);
      options.level = level as StructuredDataOptions['level'];
    } else if (arg === '--now') {
      const now = value() ?? '';
      let readable: boolean;
      try {
        readable = !Number.isNaN(readInstant(now, 'UTC'));
      } catch {
        readable = false;
      }
      if (!readable)
        return fail(`--now needs a date and time, such as 2026-12-24T10:00:00+01:00 (found ${JSON.stringify(now)})`);
      options.now = now;
    } else if (arg === '--lang') {
      const lang = value();
      if (!lang) return fail('--lang needs a language tag, such as fr');
      options.lang = lang;
    } else if (arg === '--non-refundable') {
      const id = value();
      if (!id) return fail('--non-refundable needs the id of a non-refundable entry');
      options.nonRefundable = id;
    } else return fail(`unknown option ${JSON.stringify(arg)}\n\n${JSONLD_USAGE}`);
  }
  if (files.length !== 1) return fail(`give one policy file\n\n${JSONLD_USAGE}`);
  const file = files[0]!;
  let text: string;
  try {
    text = read(file);
  } catch (e) {
    return fail(`cannot read ${JSON.stringify(file)}: ${(e as Error).message}`);
  }
  const { policy, ...issues } = checkPolicy(text, typeof options.now === 'string' ? { now: options.now } : {});
  if (!policy) {
    const { errors } = findings(text, issues);
    for (const e of errors)
      out(
        `${JSON.stringify(file)}${e.line ? `:${e.line}:${e.column}` : ''}  error  ${e.path || '(the whole file)'}  ${e.message}`,
      );
    out(`${JSON.stringify(file)} is not valid: no structured data is made from it.`);
    return 1;
  }
  try {
    out(structuredDataScript(structuredData(policy, options), 2));
  } catch (e) {
    if (!(e instanceof PolicyError)) throw e;
    return fail(e.issues.map((i) => i.message).join(' '));
  }
  return 0;
}
