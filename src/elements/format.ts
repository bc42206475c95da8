import { html, nothing, type TemplateResult } from 'lit';
import { WEEKDAYS, type LocalDate, type Money, type Weekday } from '../core/types.js';

/**
 * Formatting through Intl in the reader's full locale tag. Local dates are formatted as UTC
 * midnights in UTC, so neither the shopper's zone nor daylight saving can move a date.
 */
const utc = (iso: LocalDate) => new Date(`${iso}T00:00:00Z`);

const formatters = new Map<string, unknown>();

/** Intl formatters are costly to build and cheap to reuse: one per kind, locale and options. */
export function intl<T>(Kind: new (locale: string, options: never) => T, locale: string, options: object = {}): T {
  const key = `${Kind.name}|${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) formatters.set(key, (formatter = new Kind(locale, options as never)));
  return formatter;
}

const longDate = (locale: string) =>
  intl(Intl.DateTimeFormat, locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });

/** One date, or a range as two dates with what they share said once ("vendredi 6" … "mardi 10 mars"). */
export function dateRange(locale: string, from: LocalDate, to: LocalDate): [string] | [string, string] {
  const format = longDate(locale);
  if (from === to) return [tidy(locale, format.formatToParts(utc(from))).join('')];
  let start = '';
  let end = '';
  const parts = format.formatRangeToParts(utc(from), utc(to));
  const values = tidy(locale, parts);
  for (const [i, part] of parts.entries()) {
    const value = values[i]!;
    if (part.source === 'startRange' || (part.source === 'shared' && !start)) start += value;
    else if (part.source === 'endRange' || end) end += value;
  }
  return [start.trim(), end.trim()];
}

export const formatPercent = (locale: string, percent: number) =>
  intl(Intl.NumberFormat, locale, { style: 'percent' }).format(percent / 100);

/** "a, b and c" in the reader's language. */
export const formatList = (locale: string, items: string[]) => intl(Intl.ListFormat, locale).format(items);

/** The week as a shopper reads it: Monday first. */
export const WEEK: readonly Weekday[] = [...WEEKDAYS.slice(1), WEEKDAYS[0]];

/** A weekday's name ("samedi"), from a policy's `sat`. 2024-01-01 was a Monday. */
export const weekdayName = (locale: string, day: Weekday) =>
  intl(Intl.DateTimeFormat, locale, { weekday: 'long', timeZone: 'UTC' }).format(
    Date.UTC(2024, 0, 1 + WEEK.indexOf(day)),
  );

const isFrench = (locale: string) => /^fr\b/i.test(locale);

/**
 * A date's parts as people write them in running text, where Intl's own format differs: French
 * writes the first of the month "1er" ("mardi 1er décembre"); Spanish puts no comma after the
 * weekday ("el sábado 28 de noviembre", not "el sábado, 28 de noviembre").
 */
function tidy(locale: string, parts: Intl.DateTimeFormatPart[]): string[] {
  const french = isFrench(locale);
  const spanish = /^es\b/i.test(locale);
  return parts.map((part, i) =>
    french && part.type === 'day' && part.value === '1'
      ? '1er'
      : spanish && part.type === 'literal' && parts[i - 1]?.type === 'weekday' && part.value.startsWith(',')
        ? part.value.slice(1)
        : part.value,
  );
}

/** "a, b or c" in the reader's language. */
export const formatChoices = (locale: string, items: string[]) =>
  intl(Intl.ListFormat, locale, { type: 'disjunction' }).format(items);

/** A full date with its year ("mercredi 8 avril 2026"), for deadlines that may be months away. */
export const formatFullDate = (locale: string, iso: LocalDate) =>
  tidy(locale, intl(Intl.DateTimeFormat, locale, { dateStyle: 'full', timeZone: 'UTC' }).formatToParts(utc(iso))).join(
    '',
  );

export const formatMoney = (locale: string, { amount, currency }: Money) =>
  intl(Intl.NumberFormat, locale, {
    style: 'currency',
    currency,
    trailingZeroDisplay: 'stripIfInteger',
  }).format(amount);

/**
 * A local HH:MM time as people say it: "8 h" and "8 h 30" in French, "8 AM" in English; "08:00"
 * and "17:30" in Spanish, where "las 5" would leave the reader guessing morning or afternoon.
 */
export function formatTime(locale: string, time: string): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  if (/^es\b/i.test(locale)) {
    return intl(Intl.DateTimeFormat, locale, {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'UTC',
    }).format(Date.UTC(2000, 0, 1, h, m));
  }
  return intl(Intl.DateTimeFormat, locale, { hour: 'numeric', minute: m ? '2-digit' : undefined, timeZone: 'UTC' })
    .formatToParts(Date.UTC(2000, 0, 1, h, m))
    .map((p) =>
      p.type === 'hour'
        ? String(Number(p.value))
        : p.type === 'literal' && p.value === ':' && isFrench(locale)
          ? '\u00a0h\u00a0'
          : p.value,
    )
    .join('');
}

export const formatUnit = (locale: string, value: number, unit: 'hour' | 'minute', unitDisplay: 'long' | 'short') =>
  intl(Intl.NumberFormat, locale, { style: 'unit', unit, unitDisplay }).format(value);

interface DurationFormatConstructor {
  new (locale: string, options: { style: string }): { format(d: { hours?: number; minutes?: number }): string };
}

/**
 * Hours and minutes, with Intl.DurationFormat where the browser has it; elsewhere (Node 20, for a
 * server render) the units joined as DurationFormat joins them, with the unit list pattern ("3 h
 * et 43 min", "3 hr, 43 min"), so that the server's text is the browser's.
 */
export function formatDuration(locale: string, totalMinutes: number): string {
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  const DurationFormat = (Intl as unknown as { DurationFormat?: DurationFormatConstructor }).DurationFormat;
  if (DurationFormat) {
    return intl(DurationFormat, locale, { style: 'short' }).format(hours ? { hours, minutes } : { minutes });
  }
  const units = [
    hours && formatUnit(locale, hours, 'hour', 'short'),
    minutes && formatUnit(locale, minutes, 'minute', 'short'),
  ].filter((unit): unit is string => !!unit);
  return intl(Intl.ListFormat, locale, { type: 'unit', style: 'short' }).format(units);
}

/**
 * A merchant's text, its hyphenated words ("rendez-vous", "made-to-measure", "4-hour") kept whole on a line:
 * a line that ends in "rendez-" reads as a typo. The text itself is unchanged (copy, search).
 */
export const keepCompounds = (text: string): Array<TemplateResult | string> =>
  text
    .split(/(\S*[\p{L}\p{N}]-[\p{L}\p{N}]\S*)/u)
    .map((piece, i) => (i % 2 ? html`<span class="compound">${piece}</span>` : piece));

export const dateElement = (iso: LocalDate, text: string) => html`<time datetime=${iso}>${text}</time>`;

const MARK = '\u{F0000}';

/**
 * A translated sentence with elements inside it, such as `<time>` for each date: the sentence
 * is translated whole (the translator may reorder the variables), then each variable's marker
 * is replaced by its template. The translation itself is only ever rendered as text.
 */
export function sentence(
  translate: (markers: Record<string, string>) => string,
  parts: Record<string, TemplateResult | string>,
): Array<TemplateResult | string> {
  const names = Object.keys(parts);
  const markers = Object.fromEntries(names.map((name, i) => [name, `${MARK}${i}${MARK}`]));
  return translate(markers)
    .split(new RegExp(`${MARK}(\\d+)${MARK}`, 'u'))
    .map((piece, i) => (i % 2 ? parts[names[Number(piece)]!]! : piece));
}

/**
 * The `lang` of a merchant's text found in another language than the one shown around it (English
 * notes on a Spanish page), so that a screen reader reads it in its own voice; else no attribute.
 */
export const ownLang = (found: { lang?: string } | undefined, locale: string) =>
  found?.lang && found.lang.split('-')[0]!.toLowerCase() !== locale.split('-')[0]!.toLowerCase() ? found.lang : nothing;
