import { expect, fixture, html } from '@open-wc/testing';
import i18next from 'i18next';
import sinon from 'sinon';
import '../../src/define/index.js';
import { addStrings } from '../../src/index.js';
import { addPageStrings } from '../../src/elements/localize.js';
import type { PolicyDeliveryWindow } from '../../src/index.js';
import { part, policyFull, textOf } from './helpers.js';

const render = (lang: string) =>
  fixture<PolicyDeliveryWindow>(
    html`<policy-delivery-window lang=${lang} .policy=${policyFull()}></policy-delivery-window>`,
  );

describe('strings at run time', () => {
  it("replaces one string for a shop's brand voice, leaving the rest", async () => {
    const el = await render('fr');
    addStrings('fr', { delivery: { free: 'Livraison gratuite, toujours' } });
    await el.updateComplete;
    expect(part(el, 'price')!.textContent).to.equal('Livraison gratuite, toujours');
    expect(textOf(el)).to.contain('Livraison estimée entre le');
    addStrings('fr', { delivery: { free: 'Livraison offerte' } });
  });

  it('reads overrides from a <script type="application/json" data-policy-strings> on the page', async () => {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.dataset.policyStrings = '';
    script.textContent = JSON.stringify({ es: { delivery: { free: 'Envío sin coste' } } });
    document.body.append(script);
    addPageStrings();
    const el = await render('es');
    expect(part(el, 'price')!.textContent).to.equal('Envío sin coste');
    script.remove();
    addStrings('es', { delivery: { free: 'Envío gratuito' } });
  });

  it('adds a language from one JSON object; what it lacks falls back to English, never a raw key', async () => {
    // A test language with only two strings translated (Portuguese).
    addStrings('pt', { delivery: { window: 'Entrega estimada entre {{from}} e {{to}}', free: 'Entrega gratuita' } });
    const el = await render('pt-BR');
    expect(part(el, 'window')!.textContent).to.match(/^Entrega estimada entre .+ e .+$/);
    // Dates follow the full tag: Brazilian Portuguese month names.
    const time = el.shadowRoot!.querySelector('time')!;
    const month = new Intl.DateTimeFormat('pt-BR', { month: 'long', timeZone: 'UTC' }).format(new Date(time.dateTime));
    expect(time.textContent).to.contain(`de ${month}`);
    expect(part(el, 'price')!.textContent).to.equal('Entrega gratuita');
    expect(textOf(el)).to.contain('Why a range?');
    expect(textOf(el)).not.to.match(/delivery\.|common\./);
  });

  it('uses strings added for a regional tag (pt-BR) on pages in that tag', async () => {
    addStrings('pt-BR', { delivery: { free: 'Frete grátis' } });
    expect(part(await render('pt-BR'), 'price')!.textContent).to.equal('Frete grátis');
  });

  it('falls back to English for a key missing in French, and the development build names it', async () => {
    const warn = sinon.stub(console, 'warn');
    try {
      addStrings('xx', { delivery: {} });
      const el = await render('xx');
      expect(textOf(el)).to.contain('Estimated delivery between');
      expect(textOf(el)).not.to.match(/delivery\.\w/);
      expect(warn.calledWithMatch(sinon.match('"delivery.window" is missing in locales/xx.json'))).to.equal(true);
    } finally {
      warn.restore();
    }
  });

  it("never touches the page's own i18next", () => {
    expect(i18next.isInitialized).not.to.equal(true);
    expect(i18next.language).to.equal(undefined);
  });
});
