/**
 * An element whose shadow root came from the server (declarative shadow DOM, as
 * `policy-explainer render` writes it) on a page that also loads the elements: the server's text
 * stays on show while the element's policy and strings load, then the element's own render takes
 * its place at once. Never the server's text and the element's together, never a placeholder
 * flashed over dates the shopper could already read.
 */
import { expect } from '@open-wc/testing';
import '../../src/define/index.js';
import { nextEvent, part, policyFull, textOf } from './helpers.js';

const SERVER_TEXT = 'Retours gratuits sous 30 jours (texte du serveur)';

/** The element as the server wrote it, parsed with its declarative shadow root. */
function serverRendered(attributes: string): HTMLElement {
  const box = document.createElement('div');
  document.body.append(box);
  (box as HTMLElement & { setHTMLUnsafe(html: string): void }).setHTMLUnsafe(
    `<policy-returns lang="fr" ${attributes}><template shadowrootmode="open"><p id="server">${SERVER_TEXT}</p></template></policy-returns>`,
  );
  return box.firstElementChild as HTMLElement;
}

/** What a shopper sees in the shadow root: the text of what is not hidden. */
function visibleText(el: HTMLElement): string {
  let text = '';
  for (const node of el.shadowRoot!.childNodes) {
    if (node instanceof HTMLElement && (node.hidden || node.localName === 'style')) continue;
    text += node.textContent ?? '';
  }
  return text.replace(/\s+/g, ' ').trim();
}

describe('a server-rendered element on a page that loads the elements', () => {
  afterEach(() => document.querySelectorAll('body > div').forEach((box) => box.remove()));

  it('keeps the server text while the policy loads, then shows its own render instead, once', async () => {
    const el = serverRendered('src="/__test/slow?ms=800&file=/tests/fixtures/examples/policy-full.json"');
    const ready = nextEvent(el, 'policy-ready');
    await new Promise((done) => setTimeout(done, 300));
    expect(el.shadowRoot!.querySelector('#server'), 'the server text, still there').to.exist;
    expect(visibleText(el)).to.equal(SERVER_TEXT);
    expect(visibleText(el)).not.to.contain('Chargement');
    await ready;
    expect(el.shadowRoot!.querySelector('#server'), 'the server text, gone').to.equal(null);
    expect(el.shadowRoot!.querySelectorAll('[part~="content"]')).to.have.length(1);
    expect(part(el, 'headline')!.textContent).to.equal('Retours gratuits sous 30 jours');
    expect(textOf(el)).not.to.contain('texte du serveur');
  });

  it('given its policy at once, replaces the server text with its render in the first update that has strings', async () => {
    const el = serverRendered('');
    const ready = nextEvent(el, 'policy-ready');
    (el as HTMLElement & { policy: unknown }).policy = policyFull();
    await ready;
    expect(el.shadowRoot!.querySelector('#server')).to.equal(null);
    expect(visibleText(el)).to.contain('Retours gratuits sous 30 jours');
    expect(el.shadowRoot!.querySelectorAll('[part~="content"]')).to.have.length(1);
  });
});
