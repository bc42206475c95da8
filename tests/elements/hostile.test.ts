/**
 * Hostile text: whatever a policy file or a shop's strings contain, it is shown as the characters
 * written. No script runs, no element is injected, a template syntax is not evaluated, a
 * 5,000-character word does not widen the page, and an RTL override cannot turn another sentence
 * around. Links go to http(s) addresses only, with rel="noopener noreferrer".
 */
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import en from '../../locales/en.json' with { type: 'json' };
import '../../src/define/index.js';
import { addStrings } from '../../src/index.js';
import { part, policyFull, textOf, timesOf } from './helpers.js';

declare global {
  interface Window {
    __hostile?: number;
  }
}

const HOSTILE = {
  img: '<img src=x onerror="window.__hostile=1">',
  script: '<script>window.__hostile=1</script>',
  mustache: "{{count}} {{__proto__}} {{constructor.constructor('window.__hostile=1')()}}",
  template: '${window.__hostile=1} ${7*7}',
  long: 'W'.repeat(5000),
  // Closed overrides and isolates (an open one is refused: see below).
  rtl: '\u202Eevil\u202C and \u2067exe.gnp\u2069 שלום',
  emoji: '📦🚚 Livraison 👍🏽 ✔︎ 家',
} as const;

/** Every Text field of the policy set to `text`. */
function hostilePolicy(text: string) {
  const p = policyFull();
  p.merchant.name = text;
  for (const m of p.delivery.methods) Object.assign(m, { label: text, note: text });
  p.returns.notes = { en: text, fr: text };
  for (const e of p.nonRefundable) Object.assign(e, { items: text, explanation: text });
  // One entry with the standard explanation and the "other" reason, which links to the full policy.
  p.nonRefundable.push({ id: 'misc', reason: 'other', items: text });
  return p;
}

/** Every shadow root under `root`, nested ones (inside <policy-summary>) included. */
function shadowRoots(root: Element): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const visit = (node: Element | ShadowRoot) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.shadowRoot) {
        found.push(el.shadowRoot);
        visit(el.shadowRoot);
      }
    }
  };
  visit(root);
  return found;
}

const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50)));

async function renderAll(policy: unknown, width = 320) {
  const host = await fixture<HTMLDivElement>(html`<div lang="en" style="width: ${width}px">
    <policy-summary .policy=${policy}></policy-summary>
    <policy-delivery-window .policy=${policy} method="home-delivery"></policy-delivery-window>
    <policy-returns .policy=${policy} delivered-on="2026-03-09"></policy-returns>
    <policy-non-refundable .policy=${policy}></policy-non-refundable>
    <policy-cancellation .policy=${policy} ordered-at="2026-03-02T10:00:00+01:00"></policy-cancellation>
  </div>`);
  for (let i = 0; i < 3; i++) {
    for (const root of [host, ...shadowRoots(host)]) {
      for (const el of root.querySelectorAll('*'))
        await (el as Partial<{ updateComplete: Promise<unknown> }>).updateComplete;
    }
  }
  await frame();
  return host;
}

function expectInert(host: Element, atLeast = 9) {
  expect(window.__hostile, 'no script ran').to.equal(undefined);
  const roots = shadowRoots(host);
  expect(roots.length).to.be.at.least(atLeast);
  for (const root of roots)
    expect(root.querySelector('img, script, iframe, object, embed, [onerror]'), 'nothing injected').to.equal(null);
  for (const a of roots.flatMap((r) => [...r.querySelectorAll('a')])) {
    expect(a.protocol).to.match(/^https?:$/);
    expect(a.rel).to.equal('noopener noreferrer');
  }
}

const allText = (host: Element) =>
  shadowRoots(host)
    .map((r) => r.textContent)
    .join('\n');

describe('hostile text in every Text field of the policy', () => {
  afterEach(() => delete window.__hostile);

  for (const [name, text] of Object.entries(HOSTILE)) {
    it(`${name}: shown literally, inert, in every element`, async () => {
      const host = await renderAll(hostilePolicy(text));
      expectInert(host);
      const shown = allText(host);
      // Label and note (twice: two methods in the summary, one in the lone window), notes, items, explanations.
      expect(shown.split(text).length - 1, 'each field shows the text as written').to.be.at.least(8);
      expect(shown).not.to.contain('[object Object]');
      if (name === 'mustache') expect(shown).not.to.match(/function|Object\]/);
      // The merchant's name is shown nowhere yet; it must not leak in either.
      const window = host.querySelector('policy-delivery-window')!;
      expect(part(window, 'label')!.textContent).to.equal(text);
      expect(part(window, 'note')!.textContent).to.equal(text);
      expect(timesOf(window)).to.have.length(2);
    });
  }

  it('a 5,000-character word does not widen the page: every element stays within its 320 px container', async () => {
    const host = await renderAll(hostilePolicy(HOSTILE.long));
    const limit = host.getBoundingClientRect().width + 0.5;
    expect(host.scrollWidth, 'the container does not overflow').to.be.at.most(host.clientWidth);
    const elements = [host, ...shadowRoots(host)]
      .flatMap((r) => [...r.querySelectorAll('*')])
      .filter((el) => el.localName.startsWith('policy-'));
    expect(elements.length).to.be.greaterThan(8);
    for (const el of elements) {
      expect(el.getBoundingClientRect().width, el.localName).to.be.at.most(limit);
      expect(el.scrollWidth, `${el.localName} overflows`).to.be.at.most(el.clientWidth);
      for (const block of el.shadowRoot!.querySelectorAll('p, div, details, section')) {
        expect(block.scrollWidth, `${el.localName} ${block.getAttribute('part')}`).to.be.at.most(block.clientWidth + 1);
      }
    }
  });

  /**
   * Whether the price after the label reads left to right on screen, as written: each character
   * right of the one before it on the same line, or first on a line below (engines' fonts differ,
   * so the price may wrap in a 320 px container).
   */
  function priceReadsForward(window: Element) {
    const price = [...part(window, 'price')!.childNodes].find((n): n is Text => n instanceof Text && !!n.data.trim())!;
    expect(price.data).to.equal('€49');
    const box = (i: number) => {
      const range = document.createRange();
      range.setStart(price, i);
      range.setEnd(price, i + 1);
      return range.getBoundingClientRect();
    };
    for (let i = 1; i < price.data.length; i++) {
      const [before, after] = [box(i - 1), box(i)];
      const sameLine = Math.abs(after.top - before.top) < before.height / 2;
      if (sameLine ? !(before.left < after.left) : !(after.top >= before.bottom - 1)) return false;
    }
    return true;
  }

  it('a closed RTL override in the label leaves the price next to it reading forward', async () => {
    const window = (await renderAll(hostilePolicy(HOSTILE.rtl))).querySelector('policy-delivery-window')!;
    expect(priceReadsForward(window)).to.equal(true);
  });

  it('an RTL override left open in the label is refused whole: the price is never shown backwards', async () => {
    const error = sinon.stub(console, 'error');
    try {
      const p = policyFull();
      p.delivery.methods[1].label = 'Express \u202Eevil';
      const window = await fixture(
        html`<policy-delivery-window lang="en" method="home-delivery" .policy=${p}></policy-delivery-window>`,
      );
      expect(part(window, 'price')).to.equal(null);
      expect(part(window, 'fallback')).to.exist;
      expect(timesOf(window)).to.deep.equal([]);
      expect(error.callCount).to.equal(1);
      expect(String(error.firstCall.args[0])).to.contain(
        '/delivery/methods/1/label Has a direction control (U+202E) that is never closed',
      );
    } finally {
      error.restore();
    }
  });
});

describe('policy links', () => {
  afterEach(() => delete window.__hostile);

  for (const url of [
    'javascript:window.__hostile=1',
    'JAVASCRIPT:window.__hostile=1',
    ' java\tscript:window.__hostile=1',
    'data:text/html,<script>window.__hostile=1</script>',
    '/relative/cgv',
  ]) {
    it(`${JSON.stringify(url)} is rejected: the fallback has no link at all`, async () => {
      sinon.stub(console, 'error');
      try {
        const p = policyFull();
        p.merchant.policyUrl = url;
        const host = await renderAll(p);
        // Every element shows the fallback: the summary has no sections inside.
        expectInert(host, 5);
        for (const root of shadowRoots(host)) expect(root.querySelector('a')).to.equal(null);
        const window = host.querySelector('policy-delivery-window')!;
        expect(textOf(window)).to.contain(en.fallback.deliveryNoLink);
        expect(timesOf(window)).to.deep.equal([]);
      } finally {
        sinon.restore();
      }
    });
  }

  it('an https address with markup in it stays one attribute value', async () => {
    const p = policyFull();
    p.merchant.policyUrl = 'https://shop.example/cgv?q="><img src=x onerror=window.__hostile=1>';
    p.nonRefundable.push({ id: 'misc', reason: 'other', items: 'Gift cards' });
    const host = await renderAll(p);
    expectInert(host);
    const link = part(host.querySelector('policy-non-refundable')!, 'link') as HTMLAnchorElement;
    expect(link.origin).to.equal('https://shop.example');
    expect(link.target).to.equal('_blank');
  });
});

describe("hostile text in a shop's own strings (addStrings)", () => {
  let error: sinon.SinonStub;
  beforeEach(() => (error = sinon.stub(console, 'error')));
  afterEach(() => {
    sinon.restore();
    delete window.__hostile;
    addStrings('en', en, { replace: true });
  });

  // Markup is refused as the translators' check refuses it (src/core/locale-rules.js): below.
  for (const [name, text] of Object.entries(HOSTILE).filter(([n]) => !['mustache', 'img', 'script'].includes(n))) {
    it(`${name}: a sentence of the shop's shown literally, inert`, async () => {
      addStrings('en', {
        delivery: { free: text, whyTitle: text },
        common: { policyLink: text },
        nonRefundable: { title: text },
      });
      expect(error.callCount).to.equal(0);
      const p = policyFull();
      p.nonRefundable.push({ id: 'misc', reason: 'other', items: 'Gift cards' });
      const host = await renderAll(p);
      expectInert(host);
      const window = host.querySelector('policy-delivery-window')!;
      expect(part(window, 'why')!.querySelector('summary')!.textContent).to.equal(text);
      expect(part(host.querySelector('policy-non-refundable')!, 'link')!.textContent).to.equal(text);
      expect(timesOf(window)).to.have.length(2);
      if (name === 'long') expect(host.scrollWidth).to.be.at.most(host.clientWidth);
    });
  }

  for (const name of ['img', 'script'] as const) {
    it(`${name}: markup in a sentence is refused, as npm run i18n:check refuses it; the page stays inert and whole`, async () => {
      addStrings('en', { delivery: { whyTitle: HOSTILE[name] } });
      expect(error.callCount).to.equal(1);
      expect(String(error.firstCall.args[0])).to.contain('delivery.whyTitle: HTML tag');
      const host = await renderAll(policyFull());
      expectInert(host);
      const window = host.querySelector('policy-delivery-window')!;
      expect(part(window, 'why')!.querySelector('summary')!.textContent).to.equal(en.delivery.whyTitle);
      expect(timesOf(window)).to.have.length(2);
    });
  }

  it('an RTL override left open in a sentence is refused: the dates after it are never turned around', async () => {
    addStrings('en', { delivery: { window: '\u202EEstimated delivery between {{from}} and {{to}}' } });
    expect(error.callCount).to.equal(1);
    expect(String(error.firstCall.args[0])).to.contain('delivery.window: a direction control (U+202E) is never closed');
    const window = (await renderAll(policyFull())).querySelector('policy-delivery-window')!;
    expect(part(window, 'window')!.textContent).to.match(/^Estimated delivery between/);
  });

  it('{{…}} template tricks in a sentence are refused (unknown variables), with one console.error; the sentence stays whole', async () => {
    addStrings('en', { delivery: { free: HOSTILE.mustache, window: 'Between {{from}} and {{to}} {{constructor}}' } });
    expect(error.callCount).to.equal(1);
    const window = (await renderAll(policyFull())).querySelector('policy-delivery-window')!;
    expect(part(window, 'price')!.textContent).to.equal('€49');
    expect(part(window, 'window')!.textContent).to.match(/^Estimated delivery between .+ and .+$/);
    expect(textOf(window)).not.to.match(/\{\{|function|\[object/);
  });
});
