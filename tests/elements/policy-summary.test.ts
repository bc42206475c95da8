import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { PolicySummary } from '../../src/index.js';
import { clockAt, nextEvent, policyEs, policyFull } from './helpers.js';

const render = (lang: string, policy: unknown, attrs = '') => {
  const host = document.createElement('div');
  host.innerHTML = `<policy-summary lang="${lang}" ${attrs}></policy-summary>`;
  const el = host.firstElementChild as PolicySummary;
  el.policy = policy;
  return fixture<HTMLDivElement>(html`${host}`).then(async () => {
    await el.updateComplete;
    for (const child of el.shadowRoot!.querySelectorAll<HTMLElement & { updateComplete: Promise<unknown> }>('section > *:not([part~="heading"])')) {
      await child.updateComplete;
    }
    return el;
  });
};

const headings = (el: Element) => [...el.shadowRoot!.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => [h.tagName, h.textContent]);
const sectionText = (el: Element, name: string) =>
  el.shadowRoot!.querySelector(`[part~="${name}"] > :not([part~="heading"])`)!.shadowRoot!.textContent!.replace(/\s+/g, ' ');

describe('<policy-summary>', () => {
  it('shows every section the policy has, in order, under real headings, in three languages', async () => {
    expect(headings(await render('fr', policyFull()))).to.deep.equal([
      ['H2', 'Livraison'],
      ['H2', 'Retours'],
      ['H2', 'Articles ni repris ni échangés'],
      ['H2', 'Annulation'],
    ]);
    expect(headings(await render('es', policyEs())).map((h) => h[1])).to.deep.equal([
      'Envío',
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
    expect(sectionText(el, 'cancellation')).to.contain("Annulation gratuite jusqu'à l'expédition");
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
      expect(sectionText(el, 'cancellation')).to.contain('hasta las 10 del miércoles 11 de marzo de 2026');
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
    const window = el.shadowRoot!.querySelector('policy-delivery-window')!.shadowRoot!.querySelector('[part~="window"]')!;
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
