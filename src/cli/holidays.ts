/**
 * `npx policy-explainer holidays FR --years 2027-2029 [--region 67] [--write policy.json]`: a
 * country's public holidays, from the `date-holidays` package, as the policy's `calendar.holidays`
 * list. A shop types its list once a year at best; the "holidays run out" warning names this
 * command. Public holidays only: observances (Mother's Day, Pentecost Sunday) close no warehouse.
 *
 * `date-holidays` is an optional peer dependency (it weighs 12 MB with its data): only this command
 * loads it, and asks for it when it is missing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { locate, type Located } from './findings.js';

export const HOLIDAYS_USAGE = `Usage: policy-explainer holidays <country> --years <from>[-<to>] [--region <code>] [--write <policy.json>]

Lists a country's public holidays (ISO 3166-1 code: FR, ES, BE…) for the years given, as the
JSON list a policy's "calendar": { "holidays": […] } takes, from the date-holidays package.

  --years 2027-2029   the years, or one year (2027)
  --region <code>     a region with holidays of its own: 67 or 68 (Alsace) and 57 (Moselle) in
                      FR, MD (Madrid) or CT (Catalonia) in ES; without it, national ones only
  --write <file>      add them to that policy file's calendar.holidays, keeping the days already
                      listed (a shop's own closing days) and the rest of the file byte for byte

Needs the date-holidays package: npm install --save-dev date-holidays`;

interface HolidaysOptions {
  country: string;
  region?: string;
  from: number;
  to: number;
}

/** The part of date-holidays this command uses. */
interface HolidaysLibrary {
  new (
    country?: string,
    state?: string,
  ): {
    getCountries(): Record<string, string>;
    getStates(country: string): Record<string, string> | undefined;
    getHolidays(year: number): { date: string; type: string }[];
  };
}

async function library(): Promise<HolidaysLibrary | undefined> {
  try {
    const module = (await import('date-holidays')) as unknown as { default: HolidaysLibrary };
    return module.default;
  } catch {
    return undefined;
  }
}

/** The public holidays of a country (and region) in the years given, as sorted `YYYY-MM-DD`, each once. */
export async function publicHolidays({ country, region, from, to }: HolidaysOptions): Promise<string[]> {
  const Holidays = await library();
  if (!Holidays) throw new Error('the date-holidays package is not installed: npm install --save-dev date-holidays');
  const code = country.toUpperCase();
  const all = new Holidays();
  if (!all.getCountries()[code])
    throw new Error(`${JSON.stringify(country)} is not a country date-holidays knows (ISO 3166-1 codes: FR, ES, BE…)`);
  const regions = all.getStates(code) ?? {};
  if (region !== undefined && !regions[region.toUpperCase()]) {
    const known = Object.keys(regions);
    throw new Error(
      `${JSON.stringify(region)} is not a region of ${code} with holidays of its own${known.length ? ` (${known.join(', ')})` : ''}`,
    );
  }
  const calendar = region === undefined ? new Holidays(code) : new Holidays(code, region.toUpperCase());
  const days = new Set<string>();
  for (let year = from; year <= to; year++) {
    for (const h of calendar.getHolidays(year)) if (h.type === 'public') days.add(h.date.slice(0, 10));
  }
  return [...days].sort();
}

/** Where the value starting at `at` ends (just after it): the text is valid JSON. */
function valueEnd(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
      if (depth === 0) return i + 1;
    } else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      if (--depth === 0) return i + 1;
    } else if (depth === 0 && /[\s,]/.test(c!)) return i;
  }
  return text.length;
}

/** The spaces that start the line `offset` is on. */
const indentAt = (text: string, offset: number) =>
  /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', offset - 1) + 1))![0];

/** A list of days as the policy files write it: a line per year. */
function listText(days: string[], indent: string): string {
  if (!days.length) return '[]';
  const years = new Map<string, string[]>();
  for (const d of days) years.set(d.slice(0, 4), [...(years.get(d.slice(0, 4)) ?? []), JSON.stringify(d)]);
  return `[\n${[...years.values()].map((line) => `${indent}  ${line.join(', ')}`).join(',\n')}\n${indent}]`;
}

/**
 * The policy text with `days` added to `calendar.holidays` (kept as they are, sorted, each once),
 * every other byte unchanged. A file without `calendar` gets one after `merchant`.
 */
export function withHolidays(text: string, days: string[]): string {
  const policy = JSON.parse(text.replace(/^\uFEFF/, '')) as { calendar?: { holidays?: unknown } };
  const offset = text.startsWith('\uFEFF') ? 1 : 0;
  const root = locate(text.slice(offset));
  const child = (node: Located | undefined, key: string) =>
    node?.children instanceof Map ? node.children.get(key) : undefined;
  const listed = Array.isArray(policy.calendar?.holidays)
    ? policy.calendar.holidays.filter((d): d is string => typeof d === 'string')
    : [];
  const all = [...new Set([...listed, ...days])].sort();
  const calendar = child(root, 'calendar');
  const holidays = child(calendar, 'holidays');
  const edit = (at: number, end: number, insert: string) =>
    text.slice(0, offset + at) + insert + text.slice(offset + end);
  const body = text.slice(offset);
  if (holidays) {
    return edit(holidays.at, valueEnd(body, holidays.at), listText(all, indentAt(body, holidays.keyAt!)));
  }
  if (calendar && calendar.children instanceof Map) {
    const close = valueEnd(body, calendar.at) - 1;
    const indent = `${indentAt(body, calendar.keyAt!)}  `;
    const last = body.slice(0, close).trimEnd().length;
    const comma = calendar.children.size ? ',' : '';
    return edit(
      last,
      last,
      `${comma}\n${indent}"holidays": ${listText(all, indent)}${calendar.children.size ? '' : `\n${indentAt(body, calendar.keyAt!)}`}`,
    );
  }
  const merchant = child(root, 'merchant');
  const after = merchant ? valueEnd(body, merchant.at) : body.indexOf('{') + 1;
  const indent = merchant ? indentAt(body, merchant.keyAt!) : '  ';
  return edit(
    after,
    after,
    `${merchant ? ',' : ''}\n${indent}"calendar": {\n${indent}  "holidays": ${listText(all, `${indent}  `)}\n${indent}}${merchant ? '' : ','}`,
  );
}

/** `policy-explainer holidays …`; its exit status: 0 done, 2 not understood or not possible. */
export async function holidaysCommand(args: string[], out: (text: string) => void): Promise<number> {
  let country: string | undefined;
  let region: string | undefined;
  let years: string | undefined;
  let write: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--region') region = args[++i];
    else if (arg === '--years') years = args[++i];
    else if (arg === '--write') write = args[++i];
    else if (!arg.startsWith('-') && country === undefined) country = arg;
    else {
      out(`policy-explainer: unknown argument ${JSON.stringify(arg)}\n\n${HOLIDAYS_USAGE}`);
      return 2;
    }
  }
  const span = /^(\d{4})(?:-(\d{4}))?$/.exec(years ?? '');
  const [from, to] = span ? [Number(span[1]), Number(span[2] ?? span[1])] : [NaN, NaN];
  if (!country || !span || from > to || to - from > 50) {
    out(
      `${!country ? 'policy-explainer: which country? ' : `policy-explainer: --years needs a year or a span of at most 50 years, such as 2027-2029${years ? ` (found ${JSON.stringify(years)})` : ''}`}\n\n${HOLIDAYS_USAGE}`,
    );
    return 2;
  }
  let days: string[];
  try {
    days = await publicHolidays({ country, region, from, to });
  } catch (e) {
    out(`policy-explainer: ${(e as Error).message}`);
    return 2;
  }
  if (!write) {
    out(JSON.stringify(days));
    return 0;
  }
  try {
    const text = readFileSync(write, 'utf8');
    writeFileSync(write, withHolidays(text, days));
  } catch (e) {
    out(
      `policy-explainer: cannot add the holidays to ${JSON.stringify(write)}: ${JSON.stringify((e as Error).message).slice(1, -1)}`,
    );
    return 2;
  }
  out(
    `${JSON.stringify(write)}: ${days.length} public holidays of ${country.toUpperCase()}${region ? `-${region.toUpperCase()}` : ''} for ${from === to ? from : `${from}-${to}`} added to calendar.holidays`,
  );
  return 0;
}
