import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/define/index.js';
import { policyEs, policyFull } from './helpers.js';

/**
 * axe-core (WCAG 2.2 A and AA rules) on every element, in every state a shopper can meet, in
 * each language: 0 violations.
 */
const LANGUAGES = ['fr', 'es', 'en'];

const states = (lang: string) =>
  [
    [
      'delivery window, free method with a countdown',
      html`<policy-delivery-window lang=${lang} .policy=${policyFull()}></policy-delivery-window>`,
    ],
    [
      'delivery window, paid slot',
      html`<policy-delivery-window lang=${lang} method="home-delivery" .policy=${policyFull()}></policy-delivery-window>`,
    ],
    [
      'returns with a deadline',
      html`<policy-returns lang=${lang} delivered-on="2026-03-09" .policy=${policyFull()}></policy-returns>`,
    ],
    ['returns paid by the customer', html`<policy-returns lang=${lang} .policy=${policyEs()}></policy-returns>`],
    [
      'non-refundable, one category',
      html`<policy-non-refundable lang=${lang} category="hygiene" .policy=${policyFull()}></policy-non-refundable>`,
    ],
    [
      'non-refundable, every entry',
      html`<policy-non-refundable lang=${lang} .policy=${policyFull()}></policy-non-refundable>`,
    ],
    [
      'cancellation with ordered-at',
      html`<policy-cancellation lang=${lang} ordered-at="2026-03-02T10:00:00+01:00" .policy=${policyEs()}></policy-cancellation>`,
    ],
    ['summary', html`<policy-summary lang=${lang} .policy=${policyFull()}></policy-summary>`],
    ['kiosk', html`<policy-kiosk lang=${lang} .policy=${policyFull()}></policy-kiosk>`],
    [
      'fallback for a bad policy',
      html`<policy-delivery-window lang=${lang} .policy=${{ ...policyFull(), version: 2 }}></policy-delivery-window>`,
    ],
    [
      'section not stated',
      html`<policy-cancellation lang=${lang} .policy=${{ ...policyFull(), cancellation: undefined }}></policy-cancellation>`,
    ],
  ] as const;

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  let clock: sinon.SinonFakeTimers;
  let errors: sinon.SinonStub;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: new Date('2026-03-02T10:00:00+01:00'), toFake: ['Date'] });
    errors = sinon.stub(console, 'error');
  });
  afterEach(() => {
    clock.restore();
    errors.restore();
  });

  for (const lang of LANGUAGES) {
    for (const [name, template] of states(lang)) {
      it(`${name} (${lang}): no violation`, async () => {
        const el = await fixture(template);
        await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
        // Nested elements (summary, kiosk) render a frame later.
        await new Promise((r) => requestAnimationFrame(r));
        await expect(el).to.be.accessible();
      });
    }
  }

  it("marks the shop's own text with its language when it is not the page's, so it is read in its own voice", async () => {
    const policy = policyFull();
    // Only in English, only in French, in Spanish, and with no language said.
    policy.delivery.methods[0].label = { en: 'Standard delivery' };
    policy.delivery.methods[0].note = { fr: 'Colis remis en main propre.' };
    policy.returns.notes = { es: 'Los muebles se recogen a domicilio.' };
    policy.nonRefundable[0].items = 'Hygiene items';
    policy.nonRefundable[0].explanation = { fr: "Pour des raisons d'hygiène.", en: 'For hygiene reasons.' };
    policy.merchant.name = { fr: 'Maison Dupont' };
    const shadow = async (template: unknown) => (await fixture(template as never)).shadowRoot!;
    const delivery = await shadow(html`<policy-delivery-window lang="es" .policy=${policy}></policy-delivery-window>`);
    expect(delivery.querySelector('[part~="label"]')!.getAttribute('lang')).to.equal('en');
    expect(delivery.querySelector('[part~="note"]')!.getAttribute('lang')).to.equal('fr');
    const returns = await shadow(html`<policy-returns lang="es" .policy=${policy}></policy-returns>`);
    expect(returns.querySelector('[part~="note"]')!.hasAttribute('lang')).to.equal(false);
    const items = await shadow(
      html`<policy-non-refundable lang="es" category="hygiene" .policy=${policy}></policy-non-refundable>`,
    );
    expect(items.querySelector('[part~="items"]')!.hasAttribute('lang')).to.equal(false);
    // The shop's own explanation, in French and English only, on a Spanish page: English, marked so.
    expect(items.querySelector('[part~="explanation"]')!.getAttribute('lang')).to.equal('en');
    const kiosk = await shadow(html`<policy-kiosk lang="es" .policy=${policy}></policy-kiosk>`);
    expect(kiosk.querySelector('[part~="title"]')!.getAttribute('lang')).to.equal('fr');
    // Found in the page's language: nothing to mark.
    const spanish = await shadow(
      html`<policy-non-refundable lang="es" category="hygiene" .policy=${policyFull()}></policy-non-refundable>`,
    );
    expect(spanish.querySelector('[part~="explanation"]')!.hasAttribute('lang')).to.equal(false);
  });

  it('reads a date range as words, never as "4 dash 6"', async () => {
    for (const lang of LANGUAGES) {
      const el = await fixture(
        html`<policy-delivery-window lang=${lang} .policy=${policyFull()}></policy-delivery-window>`,
      );
      const text = el.shadowRoot!.textContent!;
      expect(text, lang).not.to.match(/\d\s*[–—-]\s*\d/);
    }
  });

  it('opens "Why a range?" from the keyboard alone', async () => {
    const el = await fixture(html`<policy-delivery-window lang="en" .policy=${policyFull()}></policy-delivery-window>`);
    const before = Object.assign(document.createElement('button'), { textContent: 'before' });
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    const summary = el.shadowRoot!.querySelector('summary')!;
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    await sendKeys({ press: 'Enter' });
    expect((summary.parentElement as HTMLDetailsElement).open).to.equal(true);
    before.remove();
  });

  it('never announces the countdown as a live region', async () => {
    const el = await fixture(html`<policy-delivery-window lang="fr" .policy=${policyFull()}></policy-delivery-window>`);
    expect(el.shadowRoot!.querySelector('[aria-live], [role="status"], [role="timer"], [role="alert"]')).to.equal(null);
  });
});
