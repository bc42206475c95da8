// `cem analyze` reads the elements' JSDoc (@attr, @fires, @csspart, @cssproperty) and writes
// custom-elements.json, which editors, Storybook and framework tooling read; from it,
// scripts/framework-types.mjs writes the React and Vue types and scripts/update-docs.mjs the API
// tables of docs/elements.md.
export default {
  globs: ['src/elements/policy-*.ts', 'src/index.ts'],
  exclude: ['src/elements/policy-source.ts'],
  outdir: '.',
  litelement: true,
  // package.json names custom-elements.json already: a run with another --outdir (the tests') must
  // not point it elsewhere.
  packagejson: false,
};
