/** Names of {{name}} and {{name, format}} (also {{- name}}), without the format or spaces. */
export function variablesOf(value: string): string[];
/** The {{variables}} a sentence lacks or adds against the English it stands for. */
export function variableDiff(
  value: string,
  englishValues: string[],
  options?: { zero?: boolean },
): { expected: string[]; missing: string[]; unknown: string[] };
/** Markup, another key pulled in, a direction control left open: each as a message saying what to do. */
export function sentenceFaults(value: string): string[];
/** The first direction control in `s` that is never closed (`"U+202E"`), if any. */
export function unclosedDirection(s: string): string | undefined;
/** An HTML tag, as a sentence must not hold one (global: use with replace or match). */
export const HTML_TAG: RegExp;
/** An HTML entity (global). */
export const HTML_ENTITY: RegExp;
