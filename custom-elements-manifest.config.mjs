// `cem analyze` reads the elements' JSDoc (@attr, @fires, @csspart, @cssproperty) and writes
// custom-elements.json, which editors, Storybook and framework tooling read.
export default {
  globs: ['src/elements/policy-*.ts', 'src/index.ts'],
  exclude: ['src/elements/policy-source.ts'],
  outdir: '.',
  litelement: true,
};
