// The policy checker page: a merchant pastes or opens a policy file and sees, as they type, every
// problem (line, JSON Pointer path, what to change) and, for a valid policy, the summary in fr, es
// and en. It uses the package's own checkPolicy: what it accepts is what the elements accept.
import { checkPolicy, EU_COUNTRIES, euLawCheck } from '../dist/core.js';
// Where each problem is, and which count as errors, exactly as policy-explainer check says.
import { findings } from '../dist/findings.js';

const source = document.getElementById('source');
const result = document.getElementById('result');
const preview = document.getElementById('preview');
const country = document.getElementById('country');

// The EU member states, by their English names: warnings as policy-explainer check --country gives them.
const names = new Intl.DisplayNames('en', { type: 'region' });
country.append(
  ...EU_COUNTRIES.map((code) => new Option(names.of(code), code)).sort((a, b) => a.text.localeCompare(b.text, 'en')),
);
country.addEventListener('change', () => check());

/** The text's line `line` (from 1): its start and end offsets, the newline left out. */
function lineRange(text, line) {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', start);
    if (next < 0) break;
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return [start, end < 0 ? text.length : end];
}

/** Selects line `line` of the policy and scrolls the box so it shows, a third of the way down. */
function goToLine(line) {
  const [start, end] = lineRange(source.value, line);
  source.focus({ preventScroll: true });
  source.setSelectionRange(start, end);
  const height = parseFloat(getComputedStyle(source).lineHeight);
  source.scrollTop = Math.max(0, (line - 1) * height - source.clientHeight / 3);
  source.scrollLeft = 0;
  source.scrollIntoView({ block: 'nearest' });
}

/** One finding as a list item; the policy's text is only ever set as text. */
function item(kind, { path, message, line, column }) {
  const li = document.createElement('li');
  li.className = kind;
  const label = `${kind === 'error' ? 'Error' : 'Warning'}${line ? `, line ${line}, column ${column}` : ''}`;
  // With a line, a button: one click selects that line in the box.
  const where = document.createElement(line ? 'button' : 'strong');
  where.textContent = label;
  if (line) {
    where.type = 'button';
    where.className = 'where';
    where.title = `Select line ${line} in the policy`;
    where.addEventListener('click', () => goToLine(line));
  }
  const code = document.createElement('code');
  code.textContent = path || '(the whole file)';
  // The line and column are said once, above: not again as the parser's "at position 62 (line 3 column 45)".
  const said = line ? message.replace(/ (in JSON )?at position \d+( \(line \d+ column \d+\))?/, '') : message;
  li.append(where, ' ', code, ` ${said}`);
  return li;
}

/** The line numbers beside the box, one per line of the text, scrolled with it. */
const gutter = document.getElementById('gutter');
function numberLines() {
  const lines = source.value.split('\n').length;
  if (gutter.dataset.lines !== String(lines)) {
    // One more than needed: the box can scroll a line past the text's end (its scrollbar).
    gutter.textContent = Array.from({ length: lines + 1 }, (_, i) => i + 1).join('\n');
    gutter.dataset.lines = String(lines);
  }
  gutter.scrollTop = source.scrollTop;
}
source.addEventListener('scroll', () => (gutter.scrollTop = source.scrollTop));

function check() {
  const text = source.value;
  numberLines();
  if (!text.trim()) {
    const hint = Object.assign(document.createElement('p'), {
      className: 'empty',
      textContent: 'Paste a policy in the box, or open a policy file, to check it.',
    });
    result.replaceChildren(hint);
    preview.hidden = true;
    return;
  }
  const { policy, ...issues } = checkPolicy(text);
  if (policy && country.value) {
    // The text as written: the legal check reads sections the parser may not know yet (withdrawal).
    const raw = JSON.parse(text.replace(/^\uFEFF/, ''));
    issues.warnings.push(...euLawCheck(policy, { country: country.value, raw }).warnings);
  }
  const { errors, warnings } = findings(text, issues);
  const list = document.createElement('ul');
  list.append(...errors.map((e) => item('error', e)), ...warnings.map((w) => item('warning', w)));
  const verdict = document.createElement('p');
  const problems = `${errors.length} problem${errors.length > 1 ? 's' : ''} to fix`;
  verdict.className = policy && !errors.length ? 'valid' : 'invalid';
  verdict.textContent = !policy
    ? `Not valid: ${problems}. Until then, shoppers see a polite message asking them to contact you, never a wrong promise.`
    : errors.length
      ? `Not valid: ${problems}. The elements would ignore the unknown fields and show what is below; fix their names.`
      : `Valid${warnings.length ? `, with ${warnings.length} warning${warnings.length > 1 ? 's' : ''} to read` : ''}. Below: what your shoppers read today.`;
  result.replaceChildren(verdict, ...(list.children.length ? [list] : []));
  preview.hidden = !policy;
  if (policy) for (const summary of preview.querySelectorAll('policy-summary')) summary.policy = policy;
}

let timer;
source.addEventListener('input', () => {
  numberLines();
  clearTimeout(timer);
  timer = setTimeout(check, 250);
});
document.getElementById('file').addEventListener('change', async (e) => {
  const [file] = e.target.files;
  if (!file) return;
  source.value = await file.text();
  check();
});

source.value = await (await fetch('policy.json')).text();
check();
