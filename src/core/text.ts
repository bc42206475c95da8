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

const OPENERS: Record<string, 'embedding' | 'isolate'> = {
  '\u202A': 'embedding', // LRE
  '\u202B': 'embedding', // RLE
  '\u202D': 'embedding', // LRO
  '\u202E': 'embedding', // RLO
  '\u2066': 'isolate', // LRI
  '\u2067': 'isolate', // RLI
  '\u2068': 'isolate', // FSI
};

/**
 * The first direction control in `s` that is never closed (`"U+202E"`), if any. Left open, an
 * override runs on past the text into what the page shows after it, on the same line: a price
 * after a label would read backwards. Closed (U+202C for an embedding or override, U+2069 for an
 * isolate), it is an ordinary part of right-to-left text.
 */
export function unclosedDirection(s: string): string | undefined {
  const open: string[] = [];
  for (const ch of s) {
    if (OPENERS[ch]) open.push(ch);
    else if (ch === '\u202C' && open.length && OPENERS[open.at(-1)!] === 'embedding') open.pop();
    else if (ch === '\u2069' && open.some((o) => OPENERS[o] === 'isolate')) {
      // An isolate's end also ends the embeddings opened inside it (Unicode Bidirectional Algorithm).
      while (OPENERS[open.pop()!] !== 'isolate');
    }
  }
  return open.length ? `U+${open[0]!.codePointAt(0)!.toString(16).toUpperCase()}` : undefined;
}
