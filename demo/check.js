// The policy checker page: a merchant pastes or opens a policy file and sees, as they type, every
// problem (line, JSON Pointer path, what to change) and, for a valid policy, the summary in fr, es
// and en. It uses the package's own checkPolicy: what it accepts is what the elements accept.
import { checkPolicy } from '../dist/core.js';
// Where each problem is, and which count as errors, exactly as policy-explainer check says.
import { findings } from '../dist/findings.js';

const source = document.getElementById('source');
const result = document.getElementById('result');
const preview = document.getElementById('preview');

/** One finding as a list item; the policy's text is only ever set as text. */
function item(kind, { path, message, line, column }) {
  const li = document.createElement('li');
  li.className = kind;
  const where = document.createElement('strong');
  where.textContent = `${kind === 'error' ? 'Error' : 'Warning'}${line ? `, line ${line}, column ${column}` : ''}`;
  const code = document.createElement('code');
  code.textContent = path || '(the whole file)';
  li.append(where, ' ', code, ` ${message}`);
  return li;
}

function check() {
  const text = source.value;
  const { policy, ...issues } = checkPolicy(text);
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
