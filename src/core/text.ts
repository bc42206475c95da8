import type { Text } from './types.js';

/**
 * The merchant's text in `lang`: the exact tag, else its base language, else English, else the
 * first language present.
 */
export function textFor(text: Text | undefined, lang: string): string | undefined {
  if (text === undefined || typeof text === 'string') return text;
  const base = lang.split('-')[0]!;
  return text[lang] ?? text[base] ?? text.en ?? Object.values(text)[0];
}
