/**
 * i18next-cli's settings (`npx i18next-cli status`, `extract`, `sync`): the locale files are
 * locales/<language>.json, one namespace each, English the reference; the elements in src/ use them.
 *
 * Many keys are built at run time from a policy's values, e.g. t(`returns.method_${m}`) or
 * t(`${section}.missing`): i18next-cli cannot see them in the code, so `extract` would delete them
 * from every file and `status` would not count them. RUN_TIME_KEYS lists each of those families:
 * `extract` keeps them, and `status` counts every English key of them (a French text missing there
 * shows as untranslated). Checked by tests/tools/translator-platforms.test.ts: a new key built at
 * run time needs its pattern here.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'i18next-cli';

/** Patterns as i18next-cli's preservePatterns reads them: `*` is any text, dots included. */
const RUN_TIME_KEYS = [
  // policy-element.ts: the fallback of each section (or of none), with or without a link to the
  // full policy; `${section}.missing` when the policy has no such section.
  'common.fallback*',
  'fallback.*',
  '*.missing',
  // policy-delivery-window.ts: `delivery.days${kind}` and `delivery.daysExact${kind}` (kind: '',
  // 'WithSaturday', 'WithSunday'), with their plural forms; `delivery.announced_${announced}`.
  'delivery.days*',
  'delivery.announced_*',
  // policy-returns.ts: one text per return method, condition and refund method.
  'returns.method_*',
  'returns.condition_*',
  'returns.refund_*',
  // policy-non-refundable.ts: `nonRefundable.reasons.${reason}`.
  'nonRefundable.reasons.*',
  // policy-cancellation.ts: `cancellation.${feeKey}` and `cancellation.channel_${channel}`.
  'cancellation.fee*',
  'cancellation.channel_*',
  // policy-cancellation.ts: the contact lines, called through sentence() in a method of their own.
  'cancellation.contact*',
  // policy-summary.ts: `summary.${section}`, each section's heading.
  'summary.*',
  // policy-withdrawal.ts: `withdrawal.${field}` (each field's label) and `withdrawal.${error}` (its message).
  'withdrawal.name',
  'withdrawal.order',
  'withdrawal.email',
  'withdrawal.*Missing',
  'withdrawal.emailInvalid',
];

const OUTPUT = 'locales/{{language}}{{namespace}}.json';
const PLURAL_FORM = /_(zero|one|two|few|many|other)$/;
const patternToRegExp = (pattern: string) =>
  new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);

type Texts = { [key: string]: string | Texts };
const flatten = (texts: Texts, prefix = ''): [string, string][] =>
  Object.entries(texts).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : flatten(value, `${prefix}${key}.`),
  );

type FoundKey = { key: string; ns?: string; defaultValue?: string; hasCount?: boolean };

const keysOfThisProject: Plugin = {
  name: 'policy-explainer-keys',
  onEnd(found) {
    const keys = found as Map<string, FoundKey>;
    // i18next-cli 1.5 finds t('returns.headline', { count }) as returns.headline_one and _other, then
    // `status` adds each locale's forms to those names again (returns.headline_one_many...) and
    // reports keys that exist nowhere. As plain keys, the forms found are checked as named;
    // `npm run i18n:check` checks that each language has every plural form it needs (fr, es _many).
    for (const key of keys.values()) if (key.hasCount && PLURAL_FORM.test(key.key)) key.hasCount = false;
    // The keys built at run time, as English has them.
    const english = JSON.parse(
      readFileSync(resolve(OUTPUT.replace('{{language}}', 'en').replace('{{namespace}}', '')), 'utf8'),
    ) as Texts;
    const runTime = RUN_TIME_KEYS.map(patternToRegExp);
    for (const [key, text] of flatten(english))
      if (runTime.some((re) => re.test(key)) && !keys.has(`:${key}`))
        keys.set(`:${key}`, { key, ns: '', defaultValue: text });
  },
};

export default defineConfig({
  locales: ['en', 'fr', 'es'],
  plugins: [keysOfThisProject],
  extract: {
    input: ['src/**/*.ts'],
    ignore: ['src/**/*.d.ts'],
    primaryLanguage: 'en',
    // One namespace, at the top of locales/<language>.json rather than under "translation": an
    // empty namespace name does that in i18next-cli 1.5 (its last release that runs on Node 20).
    output: OUTPUT,
    defaultNS: '',
    // Leave the keys in the order translators know (extract still moves the run-time ones first).
    sort: false,
    indentation: 2,
    preservePatterns: [
      ...RUN_TIME_KEYS,
      // French and Spanish plural forms English lacks: i18next-cli 1.5 gives a t(key, { count })
      // the primary language's forms only (_one, _other), in every locale.
      '*_many',
    ],
  },
});
