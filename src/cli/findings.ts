import type { Issue } from '../core/types.js';

/**
 * Where each value of a JSON text starts, by JSON Pointer: so that a problem found at
 * `/delivery/methods/0/cutoff` can be shown at its line and column in the file the merchant edits.
 * The text must be valid JSON (JSON.parse has said so); the scan only follows its structure.
 */
export function locate(text: string): Located {
  const at = new Map<string, number>();
  const keys = new Map<string, number>();
  let i = 0;
  const space = () => {
    while (/\s/.test(text[i] ?? '')) i++;
  };
  const string = () => {
    const start = i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
  const value = (pointer: string) => {
    space();
    at.set(pointer, i);
    if (text[i] === '{' || text[i] === '[') {
      const object = text[i] === '{';
      i++;
      space();
      for (let n = 0; text[i] !== (object ? '}' : ']'); n++) {
        if (object) {
          const keyAt = i;
          const key = string();
          space();
          i++; // the colon
          value(`${pointer}/${escape(key)}`);
          // A key's own place is more telling than its value's for "unknown field" warnings.
          keys.set(`${pointer}/${escape(key)}`, keyAt);
        } else value(`${pointer}/${n}`);
        space();
        if (text[i] === ',') i++;
        space();
      }
      i++;
    } else if (text[i] === '"') string();
    else while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
  };
  value('');
  return { values: at, keys };
}

export interface Located {
  /** Where each value starts. */
  values: Map<string, number>;
  /** Where each object key starts (the key of the value at the same pointer). */
  keys: Map<string, number>;
}

/** The 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/**
 * Where to show a problem at `pointer`: the value itself, else (a field that is missing) the
 * nearest enclosing value that exists.
 */
export function place({ values, keys }: Located, pointer: string, atKey = false): number {
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
    const offset = (atKey && p === pointer ? keys.get(p) : undefined) ?? values.get(p);
    if (offset !== undefined) return offset;
    if (!p) return 0;
  }
}

/** An issue with the line and column where it is written, when the text says. */
export type Placed = Issue & { line?: number; column?: number };

const isUnknownField = (issue: Issue) => issue.message.startsWith('Unknown field');

/**
 * A check's issues as the checkers (`policy-explainer check`, demo/check.html) report them: an
 * unknown field is an error, as the format asks of a checker (the elements ignore it, so a
 * misspelt "cutof" would silently change what shoppers read), shown at its name; every issue at
 * the line and column of what its path names, or, for a text that is not JSON, where the parser
 * stopped.
 */
export function findings(text: string, { errors, warnings }: { errors: Issue[]; warnings: Issue[] }): { errors: Placed[]; warnings: Placed[] } {
  let located: Located | undefined;
  try {
    JSON.parse(text);
    located = locate(text);
  } catch {
    // Not JSON: the parser's own message says where ("at position N").
  }
  const placed = (issue: Issue): Placed => {
    const position = /position (\d+)/.exec(issue.message)?.[1];
    const offset = located ? place(located, issue.path, isUnknownField(issue)) : position === undefined ? undefined : Number(position);
    return offset === undefined ? issue : { ...issue, ...lineColumn(text, offset) };
  };
  return {
    errors: [...errors, ...warnings.filter(isUnknownField)].map(placed),
    warnings: warnings.filter((w) => !isUnknownField(w)).map(placed),
  };
}
