import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/index.js';
import manifest from '../../custom-elements.json' with { type: 'json' };
import { policyFull } from './helpers.js';

// <policy-summary> and <policy-kiosk> hand their inner elements' parts on with `exportparts` lists
// kept in their code; the docs and custom-elements.json say which, from the JSDoc. Here the two
// must agree, and a page's `::part()` rule must reach each part exported. (custom-elements.json is
// the last `npm run build`'s: npm test builds first.)

interface Declaration {
  tagName?: string;
  cssParts?: { name: string; description?: string }[];
}
const declarations = (manifest.modules as { declarations?: Declaration[] }[]).flatMap((m) => m.declarations ?? []);
const partsOf = (tag: string) => declarations.find((d) => d.tagName === tag)!.cssParts!;
const LEAVES = ['policy-delivery-window', 'policy-returns', 'policy-non-refundable', 'policy-cancellation'];

type Updating = HTMLElement & { updateComplete: Promise<unknown> };

/** Every element inside, through every shadow root. */
const deep = (root: ParentNode): Element[] =>
  [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? deep(el.shadowRoot) : [])]);

/** The element, rendered with the full policy, and every element inside it rendered too. */
async function render(tag: string) {
  const el = document.createElement(tag) as Updating & { policy: unknown };
  el.lang = 'en';
  el.policy = policyFull();
  await fixture(html`<div>${el}</div>`);
  for (let round = 0; round < 3; round++) {
    for (const inner of [el, ...deep(el.shadowRoot!)]) await (inner as Partial<Updating>).updateComplete;
  }
  return el;
}

/** The names an element's own shadow root exports from the elements in it (`a, b:c` gives a and c). */
const exported = (el: Element) =>
  [
    ...new Set(
      [...el.shadowRoot!.querySelectorAll('[exportparts]')].flatMap((inner) =>
        inner
          .getAttribute('exportparts')!
          .split(',')
          .map((pair) => pair.split(':').at(-1)!.trim())
          .filter(Boolean),
      ),
    ),
  ].sort();

/** The exported parts a page's `<tag>::part(name)` rule does not reach, of those rendered now. */
function unreached(el: Element, names: string[]) {
  const style = document.createElement('style');
  style.textContent = names.map((n) => `${el.localName}::part(${n}) { outline: 1px solid rgb(1, 2, 3); }`).join('\n');
  document.head.append(style);
  try {
    const inner = [...el.shadowRoot!.querySelectorAll('*')].flatMap((child) =>
      child.shadowRoot ? deep(child.shadowRoot) : [],
    );
    return names.filter((name) =>
      inner
        .filter((node) => node.part.contains(name))
        .some((node) => getComputedStyle(node).outlineColor !== 'rgb(1, 2, 3)'),
    );
  } finally {
    style.remove();
  }
}

describe('exported parts', () => {
  it('<policy-summary> exports every part its sections document, but their content', async () => {
    const el = await render('policy-summary');
    const documented = [...new Set(LEAVES.flatMap((t) => partsOf(t).map((p) => p.name)))].filter(
      (p) => p !== 'content',
    );
    expect(exported(el)).to.deep.equal(documented.sort());
    expect(unreached(el, documented)).to.deep.equal([]);
  });

  it('<policy-kiosk> exports the summary parts its `summary` part lists', async () => {
    const el = await render('policy-kiosk');
    const summaryPart = partsOf('policy-kiosk').find((p) => p.name === 'summary')!.description!;
    const documented = [...summaryPart.split('exported:')[1]!.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]!);
    expect(documented.length).to.be.greaterThan(5);
    expect(exported(el)).to.deep.equal([...documented].sort());
    expect(unreached(el, documented)).to.deep.equal([]);
  });
});
