import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/index.js';
import type { PolicyCancellation } from '../../src/index.js';
import { clockAt, nextEvent, part, policyEs, policyFull, textOf, timesOf } from './helpers.js';

const render = (lang: string, policy: unknown, orderedAt?: string) =>
  fixture<PolicyCancellation>(
    html`<policy-cancellation lang=${lang} .policy=${policy} ordered-at=${orderedAt ?? undefined}></policy-cancellation>`,
  );

const partText = (el: Element, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim();

describe('<policy-cancellation>', () => {
  it('states the free period and, in the same place, the fee after it (policy-full, until shipment then 10%)', async () => {
    const fr = await render('fr', policyFull());
    expect(partText(fr, 'free')).to.equal('Annulation gratuite jusqu’à l’expédition de votre commande.');
    expect(partText(fr, 'fee')!.replace(/\s/g, ' ')).to.equal(
      'Ensuite, l’annulation entraîne des frais de 10 % du montant de la commande.',
    );
    expect(partText(fr, 'explanation')).to.contain('travail déjà effectué pour préparer votre commande');
    expect(partText(fr, 'channels')).to.equal(
      'Vous pouvez annuler en ligne, par téléphone, en magasin ou par e\u2011mail.',
    );
    const es = await render('es', policyFull());
    expect(partText(es, 'free')).to.equal('Cancelación gratuita hasta el envío de su pedido.');
    expect(partText(es, 'fee')!.replace(/\s/g, ' ')).to.equal(
      'Después, la cancelación tiene un coste del 10 % del importe del pedido.',
    );
    const en = await render('en', policyFull());
    expect(partText(en, 'free')).to.equal('Free cancellation until your order ships.');
    expect(partText(en, 'fee')).to.equal('After that, cancelling costs 10% of the order amount.');
    expect(partText(en, 'channels')).to.equal('You can cancel online, by phone, in store, or by email.');
  });

  it('gives where to cancel, for each channel the policy gives details of: the page, the number, the address', async () => {
    const policy = policyFull();
    policy.merchant.contact = { phone: '+33 1 99 00 48 16', email: 'service@maison-dupont.example' };
    policy.cancellation.url = 'https://maison-dupont.example/mon-compte/commandes';
    const fr = await render('fr', policy);
    const links = [...fr.shadowRoot!.querySelectorAll('[part~="contacts"] a')].map((a) => [
      a.getAttribute('href'),
      a.textContent,
    ]);
    expect(links).to.deep.equal([
      ['https://maison-dupont.example/mon-compte/commandes', 'Annuler en ligne'],
      ['tel:+33199004816', '+33 1 99 00 48 16'],
      ['mailto:service@maison-dupont.example', 'service@maison-dupont.example'],
    ]);
    const lines = [...fr.shadowRoot!.querySelectorAll('[part~="contacts"] li')].map((li) => li.textContent!.trim());
    expect(lines).to.deep.equal([
      'Annuler en ligne',
      'Par téléphone\u00a0: +33 1 99 00 48 16',
      'Par e\u2011mail\u00a0: service@maison-dupont.example',
    ]);
    const items = (el: Element) =>
      [...el.shadowRoot!.querySelectorAll('[part~="contacts"] li')].map((li) => li.textContent!.trim());
    expect(items(await render('en', policy))).to.deep.equal([
      'Cancel online',
      'By phone: +33 1 99 00 48 16',
      'By email: service@maison-dupont.example',
    ]);
    const es = await render('es', policy);
    expect(partText(es, 'contacts')).to.contain('Por teléfono: +33 1 99 00 48 16');
  });

  it('gives no line for a channel the policy names without its details, nor details for a channel it does not name', async () => {
    const policy = policyFull();
    policy.merchant.contact = { email: 'service@maison-dupont.example' };
    policy.cancellation.channels = ['phone', 'store'];
    policy.cancellation.url = 'https://maison-dupont.example/mon-compte/commandes';
    const el = await render('en', policy);
    // Phone named but no number; e-mail and the page given but not channels here: nothing made up.
    expect(part(el, 'contacts')).to.equal(null);
    expect(partText(el, 'channels')).to.equal('You can cancel by phone or in store.');
    expect(textOf(el)).not.to.contain('service@maison-dupont.example');
  });

  it('states a period in hours and an amount (policy-es, 24 h then 5 €)', async () => {
    const es = await render('es', policyEs());
    expect(partText(es, 'free')).to.equal('Cancelación gratuita durante las 24 horas siguientes al pedido.');
    expect(partText(es, 'fee')!.replace(/\s/g, ' ')).to.equal('Después, la cancelación tiene un coste de 5 €.');
    const fr = await render('fr', policyEs());
    expect(partText(fr, 'free')).to.equal('Annulation gratuite dans les 24 heures suivant la commande.');
  });

  describe('with ordered-at', () => {
    let clock: ReturnType<typeof clockAt> | undefined;
    afterEach(() => clock?.restore());

    it('says until when, in the merchant zone, with the time as people say it, the date in a <time>', async () => {
      // Ordered 2 March 2026 at 10:00 Madrid time: free until 3 March 10:00 Madrid time; it is now an hour later.
      clock = clockAt('2026-03-02T11:00:00+01:00');
      const el = await render('es', policyEs(), '2026-03-02T10:00:00+01:00');
      expect(timesOf(el)).to.deep.equal(['2026-03-03T09:00:00.000Z']);
      expect(partText(el, 'free')).to.match(
        /^Puede cancelar sin coste hasta las 10:00 del martes 3 de marzo de 2026 \(.+\)\.$/,
      );
      const fr = await render('fr', policyEs(), '2026-03-02T10:00:00+01:00');
      expect(partText(fr, 'free')).to.match(
        /^Vous pouvez annuler sans frais jusqu’au mardi 3 mars 2026 à 10\sh \(.+\)\.$/,
      );
      const en = await render('en', policyEs(), '2026-03-02T09:00:00Z');
      expect(partText(en, 'free')).to.match(
        /^You can cancel free of charge until 10\sAM on Tuesday, March 3, 2026 \(Central European Time\)\.$/,
      );
    });

    it('Spanish says "la 01:30" but "las 02:00" and "las 17:00": the hour chooses the form, never morning or afternoon left to guess', async () => {
      clock = clockAt('2026-03-02T02:00:00+01:00');
      const one = await render('es', policyEs(), '2026-03-02T01:30:00+01:00');
      expect(partText(one, 'free')).to.match(/^Puede cancelar sin coste hasta la 01:30 del martes 3 de marzo de 2026 /);
      const two = await render('es', policyEs(), '2026-03-02T02:00:00+01:00');
      expect(partText(two, 'free')).to.match(
        /^Puede cancelar sin coste hasta las 02:00 del martes 3 de marzo de 2026 /,
      );
      const five = await render('es', policyEs(), '2026-03-02T17:00:00+01:00');
      expect(partText(five, 'free')).to.match(
        /^Puede cancelar sin coste hasta las 17:00 del martes 3 de marzo de 2026 /,
      );
    });

    it('once the moment has passed, says it ended, and turns so by itself at that moment', async () => {
      clock = clockAt('2026-03-03T09:59:30+01:00', true);
      const el = await render('en', policyEs(), '2026-03-02T10:00:00+01:00');
      expect(partText(el, 'free')).to.match(/^You can cancel free of charge until 10\sAM on Tuesday, March 3, 2026/);
      await clock.tickAsync(31_000);
      await el.updateComplete;
      expect(partText(el, 'free')).to.equal('The free cancellation period ended on Tuesday, March 3, 2026.');
      // The fee that now applies is still said.
      expect(partText(el, 'fee'), 'now, not "after that"').to.match(/^Cancelling now costs €5(\.00)?\.$/);
      const fr = await render('fr', policyEs(), '2026-03-01T10:00:00+01:00');
      expect(partText(fr, 'free')).to.equal('La période d’annulation gratuite a pris fin le lundi 2 mars 2026.');
      expect(partText(fr, 'fee')!.replace(/\s/g, ' ')).to.equal('Désormais, l’annulation entraîne des frais de 5 €.');
      const ended = await render('es', policyEs(), '2026-03-01T10:00:00+01:00');
      expect(partText(ended, 'fee')!.replace(/\s/g, ' ')).to.equal('Ahora, la cancelación tiene un coste de 5 €.');
    });
  });

  it('fires policy-ready with the end of the free period', async () => {
    const el = document.createElement('policy-cancellation');
    el.setAttribute('ordered-at', '2026-03-02T10:00:00+01:00');
    const ready = nextEvent<{ freeUntil: string }>(el, 'policy-ready');
    el.policy = policyEs();
    document.body.append(el);
    expect((await ready).detail.freeUntil).to.equal('2026-03-03T09:00:00.000Z');
    el.remove();
  });

  it('states a notice period for subscriptions, and a fee with no free period', async () => {
    const policy = policyFull();
    policy.cancellation = { fee: { amount: 15, currency: 'EUR' }, noticeDays: 30 };
    const el = await render('fr', policy);
    expect(part(el, 'free')).to.equal(null);
    expect(partText(el, 'fee')!.replace(/\s/g, ' ')).to.equal('L’annulation entraîne des frais de 15 €.');
    expect(partText(el, 'notice')).to.contain('veuillez nous prévenir au moins 30 jours avant');
  });

  it('a percentage with no free period says of what; a free period of 0 hours or a fee of 0 is not mentioned', async () => {
    const policy = policyFull();
    policy.cancellation = { free: { withinHours: 0 }, fee: { percent: 10 } };
    const en = await render('en', policy);
    expect(part(en, 'free')).to.equal(null);
    expect(partText(en, 'fee')).to.equal('Cancelling costs 10% of the order amount.');
    const es = await render('es', policy);
    expect(partText(es, 'fee')!.replace(/\s/g, ' ')).to.equal(
      'La cancelación tiene un coste del 10 % del importe del pedido.',
    );
    const freeFee = policyFull();
    freeFee.cancellation = { free: { withinHours: 24 }, fee: { amount: 0, currency: 'EUR' } };
    const zero = await render('fr', freeFee);
    expect(partText(zero, 'free')).to.equal('Annulation gratuite dans les 24 heures suivant la commande.');
    expect(part(zero, 'fee')).to.equal(null);
    expect(part(zero, 'explanation')).to.equal(null);
  });

  it('says plainly when the policy does not state cancellation', async () => {
    const policy = policyFull();
    delete policy.cancellation;
    expect(textOf(await render('es', policy))).to.contain(
      'Aún no hemos indicado aquí nuestras condiciones de cancelación. No dude en preguntarnos',
    );
  });
});
