import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/define/index.js';
import type { PolicyKiosk } from '../../src/index.js';
import { policyFull } from './helpers.js';

/** Every element inside, through every shadow root. */
const deep = (root: ParentNode): Element[] =>
  [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? deep(el.shadowRoot) : [])]);

const buttons = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[part~="language"]')];
const summaryText = (el: Element) => {
  const summary = el.shadowRoot!.querySelector('policy-summary')!;
  return [
    ...summary.shadowRoot!.querySelectorAll(
      'h2, section :is(policy-delivery-window, policy-returns, policy-non-refundable, policy-cancellation)',
    ),
  ]
    .map((n) => (n.shadowRoot ?? n).textContent)
    .join(' ')
    .replace(/\s+/g, ' ');
};
const settle = async (el: PolicyKiosk) => {
  await el.updateComplete;
  const summary = el.shadowRoot!.querySelector('policy-summary')!;
  await summary.updateComplete;
  for (const child of summary.shadowRoot!.querySelectorAll<HTMLElement & { updateComplete: Promise<unknown> }>(
    'section :is(policy-delivery-window, policy-returns, policy-non-refundable, policy-cancellation)',
  )) {
    await child.updateComplete;
  }
};

describe('<policy-kiosk>', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({
      now: new Date('2026-03-02T10:00:00+01:00'),
      toFake: ['Date', 'setTimeout', 'clearTimeout'],
    });
  });
  afterEach(() => clock.restore());

  it('offers FR · ES · EN as touch targets of at least 48 × 48 px, named in their own language', async () => {
    const el = await fixture<PolicyKiosk>(html`<policy-kiosk lang="fr" .policy=${policyFull()}></policy-kiosk>`);
    // What a screen reader hears: the code shown, then the language's own name.
    expect(buttons(el).map((b) => b.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'FR, français',
      'ES, español',
      'EN, English',
    ]);
    // Only the code shows: the name takes no room on screen.
    for (const b of buttons(el))
      expect(b.querySelector('.visually-hidden')!.getBoundingClientRect().width).to.be.at.most(1);
    for (const b of buttons(el)) {
      const { width, height } = b.getBoundingClientRect();
      expect(width, b.textContent!).to.be.at.least(48);
      expect(height, b.textContent!).to.be.at.least(48);
    }
    expect(buttons(el).map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['true', 'false', 'false']);
  });

  it('switches every section to another language in one tap, and marks the content with it', async () => {
    const el = await fixture<PolicyKiosk>(html`<policy-kiosk lang="fr" .policy=${policyFull()}></policy-kiosk>`);
    await settle(el);
    expect(summaryText(el)).to.contain('Livraison estimée');
    buttons(el)[1]!.click();
    await settle(el);
    expect(summaryText(el)).to.contain('Entrega estimada');
    expect(summaryText(el)).to.contain('Devoluciones gratuitas');
    expect(el.shadowRoot!.querySelector('[part~="content"]')!.getAttribute('lang')).to.equal('es');
    expect(buttons(el)[1]!.getAttribute('aria-pressed')).to.equal('true');
  });

  it("goes back to the store's language after the idle time, not before", async () => {
    const el = await fixture<PolicyKiosk>(
      html`<policy-kiosk lang="fr" idle-seconds="60" .policy=${policyFull()}></policy-kiosk>`,
    );
    buttons(el)[2]!.click();
    await settle(el);
    expect(summaryText(el)).to.contain('Estimated delivery');
    await clock.tickAsync(45_000);
    el.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    await clock.tickAsync(45_000);
    await settle(el);
    expect(summaryText(el), 'a touch restarts the wait').to.contain('Estimated delivery');
    await clock.tickAsync(16_000);
    await settle(el);
    expect(summaryText(el)).to.contain('Livraison estimée');
    expect(el.lang).to.equal('fr');
  });

  it('tells the page once when it is ready, as itself (not its inner summary)', async () => {
    const events: Event[] = [];
    const listen = (e: Event) => events.push(e);
    document.addEventListener('policy-ready', listen);
    try {
      const el = await fixture<PolicyKiosk>(html`<policy-kiosk lang="fr" .policy=${policyFull()}></policy-kiosk>`);
      await settle(el);
      expect(events.map((e) => (e.target as Element).localName)).to.deep.equal(['policy-kiosk']);
    } finally {
      document.removeEventListener('policy-ready', listen);
    }
  });

  it('is reachable and usable with the keyboard alone', async () => {
    const el = await fixture<PolicyKiosk>(html`<policy-kiosk lang="fr" .policy=${policyFull()}></policy-kiosk>`);
    buttons(el)[0]!.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(buttons(el)[1]);
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(summaryText(el)).to.contain('Entrega estimada');
  });

  it('keeps working when the network drops after it has loaded the policy from src', async () => {
    const original = window.fetch;
    const url = URL.createObjectURL(new Blob([JSON.stringify(policyFull())], { type: 'application/json' }));
    const el = document.createElement('policy-kiosk') as PolicyKiosk;
    el.lang = 'fr';
    el.src = url;
    const ready = new Promise((r) => el.addEventListener('policy-ready', r, { once: true }));
    document.body.append(el);
    await ready;
    let calls = 0;
    window.fetch = () => {
      calls++;
      return Promise.reject(new TypeError('Failed to fetch'));
    };
    try {
      buttons(el)[1]!.click();
      await settle(el);
      expect(summaryText(el)).to.contain('Entrega estimada');
      await clock.tickAsync(91_000);
      await settle(el);
      expect(summaryText(el)).to.contain('Livraison estimée');
      expect(calls, 'nothing is fetched again').to.equal(0);
    } finally {
      window.fetch = original;
      el.remove();
    }
  });

  describe('on a tablet', () => {
    const LANDSCAPE = [
      [1024, 768],
      [1280, 800],
    ] as const;
    afterEach(() => setViewport({ width: 800, height: 600 }));

    /** The kiosk as the demo page shows it, at the top of a tablet's screen. */
    const onTablet = async (lang: string, policy = policyFull()) => {
      const host = await fixture<HTMLDivElement>(
        html`<div style="padding: 2rem 2.5rem"><policy-kiosk lang=${lang} .policy=${policy}></policy-kiosk></div>`,
      );
      const el = host.querySelector('policy-kiosk')!;
      await settle(el);
      return el;
    };

    for (const [width, height] of LANDSCAPE) {
      it(`shows every delivery method's name, price, dates and slot beside the returns headline on the first screen (${width} × ${height})`, async () => {
        await setViewport({ width, height });
        for (const lang of ['fr', 'es', 'en']) {
          const el = await onTablet(lang);
          const summary = el.shadowRoot!.querySelector('policy-summary')!;
          const options = [...summary.shadowRoot!.querySelectorAll('[part~="option"]')];
          expect(options, lang).to.have.length(2);
          const facts = options.flatMap((o) =>
            ['method', 'window', 'days', 'slot'].map(
              (name) => [name, o.shadowRoot!.querySelector(`[part~="${name}"]`)] as const,
            ),
          );
          const headline = summary
            .shadowRoot!.querySelector('policy-returns')!
            .shadowRoot!.querySelector('[part~="headline"]');
          for (const [name, node] of [...facts, ['returns headline', headline] as const]) {
            if (!node) continue; // the standard method has no slot
            expect(
              Math.round(node.getBoundingClientRect().bottom),
              `${lang} ${name}: ${node.textContent!.trim().slice(0, 40)}`,
            ).to.be.at.most(height);
          }
          el.parentElement!.remove();
        }
      });
    }

    it('makes every target a finger can tap at least 48 × 48 px, in each language and orientation', async () => {
      // A standard reason with the shop's full policy online: the kiosk shows its link too.
      const policy = policyFull();
      policy.nonRefundable.push({ id: 'gift-cards', reason: 'other', items: 'Cartes cadeaux' });
      for (const [width, height] of LANDSCAPE.flatMap(([w, h]) => [
        [w, h],
        [h, w],
      ])) {
        await setViewport({ width: width!, height: height! });
        for (const lang of ['fr', 'es', 'en']) {
          const el = await onTablet(lang, policy);
          const targets = deep(el.shadowRoot!).filter((node) =>
            node.matches('button, summary, a[href], input, select, textarea, [tabindex]'),
          );
          const kinds = new Set(targets.map((t) => t.localName));
          expect([...kinds].sort(), 'the kinds of targets measured').to.deep.equal(['a', 'button', 'summary']);
          for (const target of targets) {
            const { width: w, height: h } = target.getBoundingClientRect();
            const name = `${width}×${height} ${lang} ${target.localName} "${target.textContent!.trim()}"`;
            expect(Math.round(h), name).to.be.at.least(48);
            expect(Math.round(w), name).to.be.at.least(48);
          }
          el.parentElement!.remove();
        }
      }
    });
  });

  it('keeps working with the network off once it has the policy (inline JSON)', async () => {
    const original = window.fetch;
    window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    try {
      const host = await fixture(html`<div></div>`);
      host.innerHTML = `<policy-kiosk lang="es"><script type="application/json">${JSON.stringify(policyFull())}</script></policy-kiosk>`;
      const el = host.firstElementChild as PolicyKiosk;
      await settle(el);
      expect(summaryText(el)).to.contain('Entrega estimada');
    } finally {
      window.fetch = original;
    }
  });
});
