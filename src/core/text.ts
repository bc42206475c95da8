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

/** The direction controls that open something: embeddings and overrides (closed by U+202C), isolates (U+2069). */
const isEmbedding = (c: number) => c === 0x202a || c === 0x202b || c === 0x202d || c === 0x202e; // LRE RLE LRO RLO
const isIsolate = (c: number) => c === 0x2066 || c === 0x2067 || c === 0x2068; // LRI RLI FSI

/**
 * The first direction control in `s` that is never closed (`"U+202E"`), if any. Left open, an
 * override runs on past the text into what the page shows after it, on the same line: a price
 * after a label would read backwards. Closed (U+202C for an embedding or override, U+2069 for an
 * isolate), it is an ordinary part of right-to-left text.
 *
 * One pass, linear in the length whatever the nesting: every control is pushed and popped at most
 * once, and "is an isolate open?" is a count, not a scan of the stack at each U+2069 (which made
 * nested controls cost n², 32 s on 960 KB). The controls are all in the BMP, so UTF-16 code units
 * are read as they come: a surrogate is never one of them.
 */
export function unclosedDirection(s: string): string | undefined {
  const open: number[] = [];
  let isolates = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x202a || c > 0x2069) continue;
    if (isEmbedding(c)) open.push(c);
    else if (isIsolate(c)) {
      open.push(c);
      isolates++;
    } else if (c === 0x202c && open.length && isEmbedding(open[open.length - 1]!)) open.pop();
    else if (c === 0x2069 && isolates) {
      // An isolate's end also ends the embeddings opened inside it (Unicode Bidirectional Algorithm).
      while (!isIsolate(open.pop()!));
      isolates--;
    }
  }
  return open.length ? `U+${open[0]!.toString(16).toUpperCase()}` : undefined;
}
