// The policy checker page: a merchant pastes or opens a policy file and sees, as they type, every
// problem (line, JSON Pointer path, what to change) and, for a valid policy, the summary in fr, es
// and en. It uses only the bundle's own checkPolicy: what it accepts is what the elements accept.
import { checkPolicy } from '../dist/policy-explainer.js';

const source = document.getElementById('source');
const result = document.getElementById('result');
const preview = document.getElementById('preview');

/** The 1-based line of an offset. */
const lineOf = (text, offset) => text.slice(0, offset).split('\n').length;

/**
 * The line where the value at a JSON Pointer is written, found by walking the keys in order: good
 * enough for the hint, and never wrong about the path, which is shown too.
 */
function lineOfPointer(text, pointer) {
  let at = 0;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(key)) continue;
    const found = text.indexOf(JSON.stringify(key), at);
    if (found < 0) break;
    at = found;
  }
  return lineOf(text, at);
}

/** One finding as a list item; the policy's text is only ever set as text. */
function item(kind, issue, text) {
  const li = document.createElement('li');
  li.className = kind;
  const position = /position (\d+)/.exec(issue.message)?.[1];
  const line = position ? lineOf(text, Number(position)) : issue.path ? lineOfPointer(text, issue.path) : 1;
  const where = document.createElement('strong');
  where.textContent = `${kind === 'error' ? 'Error' : 'Warning'}, line ${line}`;
  const path = document.createElement('code');
  path.textContent = issue.path || '(the whole file)';
  li.append(where, ' ', path, ` ${issue.message}`);
  return li;
}

function check() {
  const text = source.value;
  const checked = checkPolicy(text);
  const { policy } = checked;
  // As policy-explainer check does: an unknown field is an error here. The elements ignore it, so a
  // misspelt field ("cutof") would silently change what shoppers read.
  const unknown = (w) => w.message.startsWith('Unknown field');
  const errors = [...checked.errors, ...checked.warnings.filter(unknown)];
  const warnings = checked.warnings.filter((w) => !unknown(w));
  const list = document.createElement('ul');
  list.append(...errors.map((e) => item('error', e, text)), ...warnings.map((w) => item('warning', w, text)));
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
