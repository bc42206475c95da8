import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/index.js';
import type { PolicySummary } from '../../src/index.js';
import sinon from 'sinon';
import { clockAt, nextEvent, policyEs, policyFull } from './helpers.js';

const render = (lang: string, policy: unknown, attrs = '') => {
  const host = document.createElement('div');
  host.innerHTML = `<policy-summary lang="${lang}" ${attrs}></policy-summary>`;
  const el = host.firstElementChild as PolicySummary;
  el.policy = policy;
  return fixture<HTMLDivElement>(html`${host}`).then(async () => {
    await el.updateComplete;
    for (const child of el.shadowRoot!.querySelectorAll<HTMLElement & { updateComplete: Promise<unknown> }>(
      'section :is(policy-delivery-window, policy-returns, policy-non-refundable, policy-cancellation)',
    )) {
      await child.updateComplete;
    }
    return el;
  });
};

const headings = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => [h.tagName, h.textContent]);
/** The text of a section's elements (every delivery method's window, say), one after the other. */
const sectionText = (el: Element, name: string) =>
  [
    ...el.shadowRoot!.querySelectorAll(
      `[part~="${name}"] :is(policy-delivery-window, policy-returns, policy-non-refundable, policy-cancellation)`,
    ),
  ]
    .map((child) => child.shadowRoot!.textContent)
    .join(' ')
    .replace(/\s+/g, ' ');

describe('<policy-summary>', () => {
  it('shows every section the policy has, in order, under real headings, in three languages', async () => {
    expect(headings(await render('fr', policyFull()))).to.deep.equal([
      ['H2', 'Livraison'],
      ['H2', 'Retours'],
      ['H2', 'Articles ni repris ni échangés'],
      ['H2', 'Annulation'],
    ]);
    expect(headings(await render('es', policyEs())).map((h) => h[1])).to.deep.equal([
      'Entrega',
      'Devoluciones',
      'Artículos sin devolución ni cambio',
      'Cancelación',
    ]);
    expect(headings(await render('en', policyFull())).map((h) => h[1])).to.deep.equal([
      'Delivery',
      'Returns',
      'Items that cannot be returned',
      'Cancellation',
    ]);
  });

  it('shows the facts of each section', async () => {
    const el = await render('fr', policyFull());
    expect(sectionText(el, 'delivery')).to.contain('Livraison estimée entre le');
    expect(sectionText(el, 'returns')).to.contain('Retours gratuits sous 30 jours');
    expect(sectionText(el, 'nonRefundable')).to.contain('Canapés et rideaux sur mesure');
    expect(sectionText(el, 'cancellation')).to.contain('Annulation gratuite jusqu’à l’expédition');
  });

  it('shows every delivery method, each led by its name and price, with its own window, slot and note', async () => {
    const clock = clockAt('2026-03-02T10:00:00+01:00');
    try {
      const el = await render('fr', policyFull());
      const options = [...el.shadowRoot!.querySelectorAll('[part~="option"]')];
      expect(options.map((o) => o.getAttribute('method'))).to.deep.equal([null, null]);
      const text = (o: Element, name: string) =>
        o.shadowRoot!.querySelector(`[part~="${name}"]`)?.textContent!.replace(/\s+/g, ' ').trim();
      expect(options.map((o) => text(o, 'method'))).to.deep.equal([
        'Livraison standard · sans frais',
        'Livraison à domicile avec installation (créneau de 4 heures) · 49 €',
      ]);
      // Each its own dates: standard Fri 6 – Tue 10 March; home delivery later.
      expect(options.map((o) => [...o.shadowRoot!.querySelectorAll('time')].map((t) => t.dateTime))).to.deep.equal([
        ['2026-03-06', '2026-03-10'],
        ['2026-03-10', '2026-03-17'],
      ]);
      expect(text(options[0]!, 'slot')).to.equal(undefined);
      expect(text(options[1]!, 'slot')).to.contain('créneau de 4 heures entre 8 h et 20 h');
    } finally {
      clock.restore();
    }
  });

  it('shows the methods serving `country`, or the one `method` names', async () => {
    const monaco = await render('en', policyFull(), 'country="mc"');
    expect(sectionText(monaco, 'delivery')).to.contain('Standard delivery');
    expect(sectionText(monaco, 'delivery')).not.to.contain('Home delivery');
    const one = await render('en', policyFull(), 'method="home-delivery"');
    expect(one.shadowRoot!.querySelectorAll('[part~="option"]')).to.have.length(1);
    expect(sectionText(one, 'delivery')).to.contain('Home delivery with set-up');
    expect(sectionText(one, 'delivery')).not.to.contain('Standard delivery');
  });

  it('names the topic of each section it cannot show, in boxes that do not touch', async () => {
    const errors = sinon.stub(console, 'error');
    try {
      const el = await render('fr', policyFull(), 'method="drone" delivered-on="2026-02-30" ordered-at="yesterday"');
      const boxes = [...el.shadowRoot!.querySelectorAll('section *')]
        .map((child) => child.shadowRoot?.querySelector('[part~="fallback"]'))
        .filter((box): box is Element => !!box);
      expect(boxes.map((box) => box.textContent!.replace(/\s+/g, ' ').trim().split('.')[0])).to.deep.equal([
        'Nous ne pouvons pas afficher nos délais de livraison pour le moment',
        'Nous ne pouvons pas afficher nos conditions de retour pour le moment',
        'Nous ne pouvons pas afficher nos conditions d’annulation pour le moment',
      ]);
      const rects = boxes.map((box) => box.getBoundingClientRect());
      for (let i = 1; i < rects.length; i++)
        expect(rects[i]!.top - rects[i - 1]!.bottom, `gap before box ${i}`).to.be.above(8);
    } finally {
      errors.restore();
    }
  });

  it('chooses sections and heading level', async () => {
    const el = await render('en', policyFull(), 'sections="returns delivery" heading-level="3"');
    expect(headings(el)).to.deep.equal([
      ['H3', 'Returns'],
      ['H3', 'Delivery'],
    ]);
  });

  it('leaves out a section the policy lacks, and says "not stated" for one that was asked for', async () => {
    const policy = policyFull();
    delete policy.cancellation;
    expect(headings(await render('en', policy)).map((h) => h[1])).not.to.contain('Cancellation');
    const asked = await render('en', policy, 'sections="cancellation"');
    expect(sectionText(asked, 'cancellation')).to.contain("We haven't stated our cancellation policy here");
  });

  it('passes delivered-on and ordered-at to its sections', async () => {
    const clock = clockAt('2026-03-10T12:00:00+01:00');
    try {
      const el = await render('es', policyEs(), 'delivered-on="2026-03-09" ordered-at="2026-03-10T10:00:00+01:00"');
      expect(sectionText(el, 'returns')).to.contain('hasta el lunes 23 de marzo de 2026');
      expect(sectionText(el, 'cancellation')).to.contain('hasta las 10:00 del miércoles 11 de marzo de 2026');
    } finally {
      clock.restore();
    }
  });

  it("passes a section's error on to the page as its own", async () => {
    const el = document.createElement('policy-summary');
    el.setAttribute('delivered-on', '2026-02-30');
    const failed = nextEvent<{ issues: { message: string }[] }>(el, 'policy-error');
    el.policy = policyFull();
    document.body.append(el);
    expect((await failed).detail.issues[0]!.message).to.contain('2026-02-30');
    el.remove();
  });

  it('leaves out empty sections, and lets the page style the parts inside', async () => {
    const policy = policyFull();
    policy.nonRefundable = [];
    const el = await render('en', policy);
    expect(headings(el).map((h) => h[1])).not.to.contain('Items that cannot be returned');
    const style = document.createElement('style');
    style.textContent = 'policy-summary::part(window) { color: rgb(1, 2, 3); }';
    document.head.append(style);
    const window = el
      .shadowRoot!.querySelector('policy-delivery-window')!
      .shadowRoot!.querySelector('[part~="window"]')!;
    expect(getComputedStyle(window).color).to.equal('rgb(1, 2, 3)');
    style.remove();
  });

  it('fires one policy-ready for the whole summary', async () => {
    const el = document.createElement('policy-summary');
    const events: Event[] = [];
    document.addEventListener('policy-ready', (e) => events.push(e));
    const ready = nextEvent<{ sections: string[] }>(el, 'policy-ready');
    el.policy = policyFull();
    document.body.append(el);
    expect((await ready).detail.sections).to.deep.equal(['delivery', 'returns', 'nonRefundable', 'cancellation']);
    await new Promise((r) => setTimeout(r, 50));
    expect(events.filter((e) => e.target === el)).to.have.length(1);
    expect(events.filter((e) => e.target !== el)).to.have.length(0);
    el.remove();
  });
});
