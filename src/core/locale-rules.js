/**
 * The rules every sentence of the elements' strings must keep, in one place: the translators'
 * check (scripts/i18n-check.mjs, run by Node without a build), the strings a shop adds at run time
 * (`addStrings`, src/elements/localize.ts) and the policy's own Text (src/core/parse.ts) all use
 * them. Plain JavaScript with its types beside it (locale-rules.d.ts), so that Node can run the
 * check as it is and the bundle takes it as any module.
 */

/** Names of {{name}} and {{name, format}} (also {{- name}}), without the format or spaces. */
export function variablesOf(value) {
  return [...value.matchAll(/\{\{-?\s*([^,}]*?)\s*(?:,[^}]*)?\}\}/g)]
    .map((match) => match[1])
    .filter((name) => name !== '');
}

/**
 * The {{variables}} a sentence lacks or adds, against the English sentences it stands for (a
 * plural form against its whole English family). A `_zero` form may leave out {{count}}.
 */
export function variableDiff(value, englishValues, { zero = false } = {}) {
  const expected = new Set(englishValues.flatMap(variablesOf));
  const found = new Set(variablesOf(value));
  return {
    expected: [...expected],
    missing: [...expected].filter((name) => !found.has(name) && !(zero && name === 'count')),
    unknown: [...found].filter((name) => !expected.has(name)),
  };
}

export const HTML_TAG = /<\/?[A-Za-z!][^<>]*>/g;
export const HTML_ENTITY = /&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);/g;

/**
 * What in a sentence would show wrong, whatever its language, each as a message saying what to
 * do: markup (the elements render values as plain text, so markup would show as is), another key
 * pulled in, and a direction control left open.
 */
export function sentenceFaults(value) {
  const found = [];
  const tag = value.match(HTML_TAG)?.[0];
  if (tag) found.push(`HTML tag ${JSON.stringify(tag)} (the page shows it as is): remove it`);
  const entity = value.match(HTML_ENTITY)?.[0];
  if (entity) found.push(`HTML entity ${JSON.stringify(entity)} (the page shows it as is): write the character itself`);
  if (value.includes('$t(')) found.push('nested key "$t(" (another text pulled in): write the whole text here');
  const unescaped = /\{\{-\s*([^,}]*?)\s*[,}]/.exec(value);
  if (unescaped)
    found.push(
      `unescaped value "{{-" (not needed: values are shown as text): write {{${unescaped[1]}}} without the "-"`,
    );
  const open = unclosedDirection(value);
  if (open)
    found.push(
      `a direction control (${open}) is never closed: it would turn the dates or words after it around; close it (U+202C, or U+2069 for an isolate) or remove it`,
    );
  return found;
}

/** The direction controls that open something: embeddings and overrides (closed by U+202C), isolates (U+2069). */
const isEmbedding = (c) => c === 0x202a || c === 0x202b || c === 0x202d || c === 0x202e; // LRE RLE LRO RLO
const isIsolate = (c) => c === 0x2066 || c === 0x2067 || c === 0x2068; // LRI RLI FSI

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
export function unclosedDirection(s) {
  const open = [];
  let isolates = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x202a || c > 0x2069) continue;
    if (isEmbedding(c)) open.push(c);
    else if (isIsolate(c)) {
      open.push(c);
      isolates++;
    } else if (c === 0x202c && open.length && isEmbedding(open[open.length - 1])) open.pop();
    else if (c === 0x2069 && isolates) {
      // An isolate's end also ends the embeddings opened inside it (Unicode Bidirectional Algorithm).
      while (!isIsolate(open.pop()));
      isolates--;
    }
  }
  return open.length ? `U+${open[0].toString(16).toUpperCase()}` : undefined;
}
