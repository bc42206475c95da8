import type { Text } from './types.js';

/**
 * The merchant's text in `lang`: the exact tag, else its base language, else another tag of that
 * language, else English (any English), else the first language present. Tags match whatever
 * their case ("FR" is "fr").
 */
export const textFor = (text: Text | undefined, lang: string): string | undefined => textIn(text, lang)?.text;

/**
 * `textFor`, with the language the text was found in (none for a plain string, whose language the
 * policy does not say): a page shows it with that `lang`, so that it is read in its own voice.
 */
export function textIn(text: Text | undefined, lang: string): { text: string; lang?: string } | undefined {
  if (text === undefined) return undefined;
  if (typeof text === 'string') return { text };
  const keys = Object.keys(text);
  const base = (tag: string) => tag.split('-')[0]!.toLowerCase();
  const exactly = (tag: string) => keys.find((k) => k.toLowerCase() === tag.toLowerCase());
  const inLanguage = (tag: string) => exactly(tag) ?? exactly(base(tag)) ?? keys.find((k) => base(k) === base(tag));
  const key = inLanguage(lang) ?? inLanguage('en') ?? keys[0];
  return key === undefined ? undefined : { text: text[key]!, lang: key };
}

export { unclosedDirection } from './locale-rules.js';
