import type { Issue } from '../core/types.js';

/**
 * Where each value of a JSON text starts, as a tree of the text's objects and arrays: so that a
 * problem found at `/delivery/methods/0/cutoff` can be shown at its line and column in the file the
 * merchant edits. The text must be valid JSON (JSON.parse has said so); the scan only follows its
 * structure.
 *
 * One pass, without recursion: a text of 1 MB costs milliseconds whatever it holds, and a deeply
 * nested one (JSON.parse takes 400,000 levels) neither overflows the stack nor builds a path for
 * every value (paths as long as the nesting, for each value, would cost nesting² memory). A
 * problem's path is then followed through the tree, in as many steps as the path has parts.
 */
export function locate(text: string): Located {
  let i = 0;
  const space = () => {
    for (let c = text.charCodeAt(i); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = text.charCodeAt(++i));
  };
  const string = () => {
    const start = i++;
    let escaped = false;
    for (let c = text.charCodeAt(i); c !== 0x22 && i < text.length; c = text.charCodeAt(i)) {
      if (c === 0x5c) escaped = true;
      i += c === 0x5c ? 2 : 1;
    }
    i++;
    return escaped ? (JSON.parse(text.slice(start, i)) as string) : text.slice(start + 1, i - 1);
  };
  // The objects and arrays open around the scan, innermost last.
  const open: Located[] = [];
  space();
  const root: Located = { at: i };
  for (let node = root; ;) {
    // At the start of `node`'s value.
    const c = text[i];
    if (c === '{' || c === '[') {
      node.children = c === '{' ? new Map() : [];
      open.push(node);
      i++;
    } else if (c === '"') string();
    else while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
    // To the start of the next value, closing what ends on the way.
    for (;;) {
      space();
      const parent = open.at(-1);
      // (The end of the text before the end of the value: only for a text that is not JSON.)
      if (!parent || i >= text.length) return root;
      if (text[i] === ',') {
        i++;
        space();
      }
      if (text[i] === '}' || text[i] === ']') {
        i++;
        open.pop();
        continue;
      }
      const { children } = parent;
      if (Array.isArray(children)) {
        node = { at: i };
        children.push(node);
      } else {
        const keyAt = i;
        const key = string();
        space();
        i++; // the colon
        space();
        // As JSON.parse does, the last of two equal keys is the one that counts.
        node = { at: i, keyAt };
        children!.set(key, node);
      }
      break;
    }
  }
}

/** A value of a JSON text: where it starts, where its key starts, and its members. */
export interface Located {
  /** Where the value starts. */
  at: number;
  /** Where its key starts, for a member of an object: more telling than its value for an unknown field. */
  keyAt?: number;
  /** An object's members by key, or an array's items. */
  children?: Map<string, Located> | Located[];
}

/**
 * Where to show a problem at `pointer` (a JSON Pointer: `/a~1b/0` is the first item of the key
 * "a/b"): the value itself (its key, `atKey`, for an unknown field), else (a field that is missing)
 * the nearest enclosing value that exists.
 */
export function place(root: Located, pointer: string, atKey = false): number {
  let node = root;
  const parts = pointer ? pointer.split('/').slice(1) : [];
  for (let n = 0; n < parts.length; n++) {
    const part = parts[n]!.includes('~') ? parts[n]!.replace(/~1/g, '/').replace(/~0/g, '~') : parts[n]!;
    const { children } = node;
    const child = Array.isArray(children)
      ? /^(0|[1-9]\d*)$/.test(part)
        ? children[Number(part)]
        : undefined
      : children?.get(part);
    if (!child) return node.at;
    node = child;
  }
  return atKey && node.keyAt !== undefined ? node.keyAt : node.at;
}

/**
 * The 1-based line and column of offsets of `text`, after one pass over it to find where its lines
 * start; then each offset in a few steps (a search among the line starts), not a pass over the text
 * before it, which made 20,000 problems in 360 KB cost 47 s.
 */
export function lineColumns(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    // The last line that starts at or before the offset.
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
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
export function findings(
  input: string,
  { errors, warnings }: { errors: Issue[]; warnings: Issue[] },
): { errors: Placed[]; warnings: Placed[] } {
  // Without the byte-order mark, as checkPolicy reads it: the parser's positions count without it.
  const text = input.replace(/^\uFEFF/, '');
  let located: Located | undefined;
  try {
    JSON.parse(text);
    located = locate(text);
  } catch {
    // Not JSON: the parser's own message says where ("at position N").
  }
  const lineColumn = lineColumns(text);
  const placed = (issue: Issue): Placed => {
    const position = /position (\d+)/.exec(issue.message)?.[1];
    const offset = located
      ? place(located, issue.path, isUnknownField(issue))
      : position === undefined
        ? undefined
        : Number(position);
    return offset === undefined ? issue : { ...issue, ...lineColumn(offset) };
  };
  return {
    errors: [...errors, ...warnings.filter(isUnknownField)].map(placed),
    warnings: warnings.filter((w) => !isUnknownField(w)).map(placed),
  };
}
