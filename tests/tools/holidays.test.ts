/**
 * `policy-explainer holidays`: a country's public holidays for the policy's calendar, so that the
 * list never runs out. Checked against the law's own lists for France and Spain in 2027, against
 * date-holidays itself for the regions, and for what --write does to a merchant's file: the days
 * added, everything else byte for byte.
 */
import Holidays from 'date-holidays';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { holidaysCommand, publicHolidays, withHolidays } from '../../src/cli/holidays.js';
import { checkPolicy } from '../../src/core/index.js';

const root = new URL('../../', import.meta.url);
const full = readFileSync(new URL('tests/fixtures/examples/policy-full.json', root), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'policy-holidays-'));

async function run(...args: string[]) {
  const lines: string[] = [];
  const status = await holidaysCommand(args, (text) => lines.push(text));
  return { status, text: lines.join('\n') };
}

describe('the public holidays of a country', () => {
  it('France 2027: the eleven days of the Code du travail (L3133-1), Easter Monday, Ascension and Whit Monday included', async () => {
    expect(await publicHolidays({ country: 'FR', from: 2027, to: 2027 })).toEqual([
      '2027-01-01',
      '2027-03-29',
      '2027-05-01',
      '2027-05-06',
      '2027-05-08',
      '2027-05-17',
      '2027-07-14',
      '2027-08-15',
      '2027-11-01',
      '2027-11-11',
      '2027-12-25',
    ]);
  });

  it('Alsace-Moselle (67, 68, 57) adds Good Friday and 26 December (Code du travail, L3134-13)', async () => {
    for (const region of ['67', '68', '57']) {
      const days = await publicHolidays({ country: 'FR', region, from: 2027, to: 2027 });
      expect(
        days.filter((d) => !['2027-03-26', '2027-12-26'].includes(d)),
        region,
      ).toEqual(await publicHolidays({ country: 'FR', from: 2027, to: 2027 }));
      expect(days, region).toEqual(expect.arrayContaining(['2027-03-26', '2027-12-26']));
    }
  });

  it('Spain 2027: the national days (Real Decreto 2001/1983, art. 45), Good Friday included; no Sunday observance', async () => {
    expect(await publicHolidays({ country: 'ES', from: 2027, to: 2027 })).toEqual([
      '2027-01-01',
      '2027-01-06',
      '2027-03-26',
      '2027-05-01',
      '2027-08-15',
      '2027-10-12',
      '2027-11-01',
      '2027-12-06',
      '2027-12-08',
      '2027-12-25',
    ]);
  });

  it('Madrid (ES-MD) adds Holy Thursday and the Community of Madrid’s day, each once', async () => {
    const days = await publicHolidays({ country: 'ES', region: 'MD', from: 2027, to: 2027 });
    expect(days).toEqual(expect.arrayContaining(['2027-03-25', '2027-05-03']));
    expect(new Set(days).size).toBe(days.length);
  });

  it.each([
    ['FR', undefined],
    ['FR', '67'],
    ['ES', undefined],
    ['ES', 'MD'],
    ['ES', 'CT'],
  ])('%s %s, 2027–2029: exactly date-holidays’ public days, sorted, each once', async (country, region) => {
    const library = region ? new Holidays(country, region) : new Holidays(country);
    const expected = [
      ...new Set(
        [2027, 2028, 2029].flatMap((y) =>
          library
            .getHolidays(y)
            .filter((h) => h.type === 'public')
            .map((h) => h.date.slice(0, 10)),
        ),
      ),
    ].sort();
    expect(await publicHolidays({ country, region, from: 2027, to: 2029 })).toEqual(expected);
  });

  it('a country or region date-holidays does not know, or bad years: exit 2 and what to write', async () => {
    expect(await run('XX', '--years', '2027')).toMatchObject({
      status: 2,
      text: expect.stringContaining('"XX" is not a country'),
    });
    expect(await run('ES', '--region', 'ZZ', '--years', '2027')).toMatchObject({
      status: 2,
      text: expect.stringMatching(/"ZZ" is not a region of ES .*MD/),
    });
    expect(await run('FR', '--years', '2029-2027')).toMatchObject({
      status: 2,
      text: expect.stringContaining('--years needs'),
    });
    expect(await run('FR')).toMatchObject({ status: 2, text: expect.stringContaining('--years needs') });
    expect(await run('--years', '2027')).toMatchObject({ status: 2, text: expect.stringContaining('which country') });
  });

  it('prints the JSON list a policy takes', async () => {
    const { status, text } = await run('FR', '--years', '2027');
    expect(status).toBe(0);
    expect(JSON.parse(text)).toHaveLength(11);
  });
});

describe('--write: the days added to the policy file, the rest of it byte for byte', () => {
  const days = ['2028-01-01', '2028-12-25'];
  const outside = (text: string) => text.replace(/"holidays": \[[^\]]*\]/, '"holidays": […]');

  it('a list already there keeps its days (a shop’s own closing days too) and gets the new ones, sorted, each once', () => {
    const text = withHolidays(full, [...days, '2027-12-25']);
    expect(outside(text)).toBe(outside(full));
    const before = JSON.parse(full).calendar.holidays as string[];
    expect(JSON.parse(text).calendar.holidays).toEqual([...before, ...days]);
    // Laid out as the file was: a line per year, at the list's own indent.
    expect(text).toContain('\n      "2028-01-01", "2028-12-25"\n    ]');
  });

  it.each([
    [
      'a calendar without holidays',
      '{\n  "version": 1,\n  "merchant": { "timeZone": "Europe/Paris" },\n  "calendar": {\n    "businessDays": ["mon", "tue"]\n  }\n}\n',
    ],
    ['an empty calendar', '{\n  "version": 1,\n  "merchant": { "timeZone": "Europe/Paris" },\n  "calendar": {}\n}\n'],
    ['no calendar', '{\n  "version": 1,\n  "merchant": { "timeZone": "Europe/Paris" }\n}\n'],
    [
      'no calendar, a byte-order mark, tabs',
      '\uFEFF{\n\t"version": 1,\n\t"merchant": { "timeZone": "Europe/Paris" },\n\t"returns": { "windowDays": 30 }\n}\n',
    ],
  ])('%s: a valid policy with the days, nothing else changed', (_, text) => {
    const written = withHolidays(text, days);
    const { calendar, ...rest } = JSON.parse(written.replace(/^\uFEFF/, ''));
    const { calendar: before, ...restBefore } = JSON.parse(text.replace(/^\uFEFF/, ''));
    expect(rest).toEqual(restBefore);
    expect(calendar).toEqual({ ...before, holidays: days });
    expect(checkPolicy(written, { now: '2027-06-01T10:00' }).errors).toEqual([]);
    expect(written.startsWith('\uFEFF')).toBe(text.startsWith('\uFEFF'));
  });

  it('policy-explainer holidays FR --years 2027-2029 --write: the file no longer runs out before 2030', async () => {
    const path = join(dir, 'policy.json');
    writeFileSync(path, full);
    const now = '2028-11-20T10:00';
    expect(checkPolicy(full, { now }).warnings.map((w) => w.path)).toContain('/calendar/holidays');
    const { status, text } = await run('FR', '--years', '2027-2029', '--write', path);
    expect(status).toBe(0);
    expect(text).toContain('33 public holidays of FR for 2027-2029');
    expect(checkPolicy(readFileSync(path, 'utf8'), { now }).warnings).toEqual([]);
  });
});
