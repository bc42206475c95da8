import { sentenceFaults, variableDiff } from '../core/locale-rules.js';

/**
 * The check of strings a page adds (addStrings, a data-policy-strings script) against the English
 * ones: its own chunk, loaded only by a page that adds strings.
 */
const isGroup = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const PLURAL = /^(.+)_(zero|one|two|few|many|other)$/;

/**
 * The English sentences a key stands for, whose variables it must keep: the key's own, or for a
 * plural form English lacks (`days_many`, `days_few`), every form of its family.
 */
function englishFor(group: Record<string, unknown>, key: string): string[] | undefined {
  if (typeof group[key] === 'string') return [group[key] as string];
  const family = PLURAL.exec(key)?.[1];
  const forms = family
    ? Object.keys(group).filter((k) => PLURAL.exec(k)?.[1] === family && typeof group[k] === 'string')
    : [];
  return forms.length > 1 ? forms.map((k) => group[k] as string) : undefined;
}

/**
 * The part of `strings` the elements can use, checked against the bundled English: groups where
 * English has groups, and non-empty sentences that keep exactly the English {{variables}} (a
 * sentence that loses {{from}} would show half a window; an unknown {{x}} would show as is), with
 * no direction control left open. Each problem is added to `problems`.
 */
export function usable(
  strings: unknown,
  model: Record<string, unknown>,
  at: string,
  problems: string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!isGroup(strings)) {
    problems.push(
      `${at || 'the strings'}: must be a group of keys ({…}), not ${JSON.stringify(strings) ?? typeof strings}`,
    );
    return out;
  }
  for (const [key, value] of Object.entries(strings)) {
    const path = at ? `${at}.${key}` : key;
    if (isGroup(model[key])) {
      const group = usable(value, model[key], path, problems);
      if (Object.keys(group).length) out[key] = group;
      continue;
    }
    const sentences = englishFor(model, key);
    // The same rules as the translators' check (src/core/locale-rules.js).
    const faults = typeof value === 'string' ? sentenceFaults(value) : [];
    if (!sentences) problems.push(`${path}: no such key in the elements' strings`);
    else if (typeof value !== 'string' || !value.trim()) {
      problems.push(
        `${path}: must be a non-empty sentence in quotes, not ${typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? typeof value).slice(0, 40)}`,
      );
    } else if (faults.length) problems.push(...faults.map((fault) => `${path}: ${fault}`));
    else {
      const { expected, missing, unknown } = variableDiff(value, sentences, { zero: key.endsWith('_zero') });
      if (missing.length || unknown.length) {
        problems.push(
          `${path}: must use ${expected.map((v) => `{{${v}}}`).join(' ') || 'no {{variable}}'}, as in English (found ${JSON.stringify(value)})`,
        );
      } else out[key] = value;
    }
  }
  return out;
}
