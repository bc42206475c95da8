/**
 * A rollup plugin for the production bundle: the text of Lit's css`` and html`` templates,
 * minified. Terser leaves template text alone, so every indent and comment of our styles and
 * templates would otherwise ship (and count against the 30 KB budget).
 *
 * Only the literal parts of a tagged template are touched (found with the TypeScript parser, so
 * code inside `${…}` is never rewritten):
 * - css``: comments removed, whitespace collapsed, spaces around `{ } ; : ,` and the last `;` of
 *   a block dropped;
 * - html``: a run of whitespace that holds a line break becomes one space, which renders the same
 *   (no template of ours is in a `white-space: pre` context).
 *
 * Every build that renders in a browser or on a server minifies html`` the same way: Lit's
 * hydration recognises a template by a digest of its text, so the server's and the browser's
 * must be the same text (`tags: ['html']` for the readable development build).
 */
import ts from 'typescript';

const minifyCss = (text) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,]) ?/g, '$1')
    .replace(/([^:]): /g, '$1:')
    .replace(/;}/g, '}');

const minifyHtml = (text) => text.replace(/\s*\n\s*/g, ' ');

export function minifyLiterals({ include = /\/src\/.*\.ts$/, tags = ['css', 'html'] } = {}) {
  return {
    name: 'minify-literals',
    transform(code, id) {
      if (!include.test(id)) return null;
      const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
      const edits = [];
      const visit = (node) => {
        if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && tags.includes(node.tag.text)) {
          const minify = node.tag.text === 'css' ? minifyCss : minifyHtml;
          const t = node.template;
          const parts = ts.isNoSubstitutionTemplateLiteral(t)
            ? [t]
            : [t.head, ...t.templateSpans.map((s) => s.literal)];
          for (const part of parts) {
            // The raw text sits between the part's opening (` or }) and closing (` or ${) marks.
            const start = part.getStart(source) + 1;
            const end = part.getEnd() - (ts.isTemplateHead(part) || ts.isTemplateMiddle(part) ? 2 : 1);
            edits.push([start, end, minify(code.slice(start, end))]);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      if (!edits.length) return null;
      let out = code;
      for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0]))
        out = out.slice(0, start) + text + out.slice(end);
      return { code: out, map: null };
    },
  };
}
