import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/index.js';
import type { PolicyReturns } from '../../src/index.js';
import { clockAt, nextEvent, part, policyEs, policyFull, textOf, timesOf } from './helpers.js';

const render = (lang: string, policy: unknown, deliveredOn = '') =>
  fixture<PolicyReturns>(
    html`<policy-returns lang=${lang} .policy=${policy} delivered-on=${deliveredOn || undefined}></policy-returns>`,
  );

const partText = (el: Element, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim();

describe('<policy-returns>', () => {
  describe('on a product page: the window as a duration', () => {
    it('says "free returns within 30 days" in French, Spanish and English', async () => {
      expect(partText(await render('fr', policyFull()), 'headline')).to.equal('Retours gratuits sous 30 jours');
      expect(partText(await render('es', policyFull()), 'headline')).to.equal(
        'Devoluciones gratuitas en un plazo de 30 días',
      );
      expect(partText(await render('en', policyFull()), 'headline')).to.equal('Free returns within 30 days');
    });

    it('shows no date when the delivery date is not known', async () => {
      expect(timesOf(await render('fr', policyFull()))).to.deep.equal([]);
    });

    it('says how, in what condition, and how the refund comes (policy-full)', async () => {
      const el = await render('fr', policyFull());
      expect(partText(el, 'how')).to.equal(
        'Retour possible par la poste, en magasin ou par enlèvement à votre domicile.',
      );
      expect(partText(el, 'condition')).to.contain('dans son emballage d’origine');
      expect(partText(el, 'refund')).to.contain('moyen de paiement utilisé pour la commande');
      // When the money comes, not when the parcel is looked at.
      expect(partText(el, 'refund-delay')).to.equal(
        'Nous vous remboursons dans les 14 jours suivant la réception de votre retour.',
      );
      expect(partText(el, 'note')).to.equal('Les meubles volumineux sont repris à domicile sur rendez-vous.');
      // "rendez-" never ends a line.
      const compound = part(el, 'note')!.querySelector('.compound')!;
      expect(compound.textContent).to.equal('rendez-vous.');
      expect(getComputedStyle(compound).whiteSpace).to.equal('nowrap');
      expect(partText(await render('es', policyFull()), 'refund-delay')).to.equal(
        'Le reembolsamos en un plazo de 14 días desde que recibimos su devolución.',
      );
      expect(partText(await render('en', policyFull()), 'refund-delay')).to.equal(
        'We refund you within 14 days of receiving your return.',
      );
      expect(part(el, 'fees')).to.equal(null);
      expect(part(el, 'restocking')).to.equal(null);
    });

    it('a refund on the day the return arrives is said in words, never as "within 0 days"', async () => {
      const policy = policyFull();
      policy.returns.refund = { ...policy.returns.refund, withinDays: 0 };
      const expected = {
        fr: 'Nous vous remboursons dès la réception de votre retour.',
        es: 'Le reembolsamos en cuanto recibimos su devolución.',
        en: 'We refund you as soon as we receive your return.',
      };
      for (const [lang, sentence] of Object.entries(expected))
        expect(partText(await render(lang, policy), 'refund-delay'), lang).to.equal(sentence);
    });

    it('says the customer pays the return, and never calls it free (policy-es)', async () => {
      const el = await render('es', policyEs());
      expect(partText(el, 'headline')).to.equal('Devoluciones en un plazo de 14 días');
      expect(partText(el, 'fees')).to.equal('Los gastos de devolución corren a su cargo.');
      expect(partText(el, 'how')).to.equal('Puede hacer la devolución por correo.');
      expect(partText(el, 'condition')).to.contain('sin usar');
      expect(textOf(el)).not.to.contain('gratuita');
    });

    it("falls back to the English note when the merchant wrote none in the reader's language", async () => {
      const el = await render('fr', policyEs());
      expect(partText(el, 'note')).to.equal('Returns from the Canary Islands may need a customs declaration (DUA).');
    });

    it('states an amount, a restocking fee and why, and the other refund methods', async () => {
      const policy = policyFull();
      Object.assign(policy.returns, {
        fees: { amount: 6.5, currency: 'EUR' },
        restockingFeePercent: 15,
        refund: { method: 'store-credit' },
        condition: 'unused',
      });
      const el = await render('en', policy);
      expect(partText(el, 'headline')).to.equal('30-day returns');
      expect(partText(el, 'fees')).to.equal('Return shipping costs €6.50.');
      expect(partText(el, 'restocking')).to.contain('restocking fee of 15%');
      expect(partText(el, 'restocking')).to.contain('covers checking and repackaging');
      expect(partText(el, 'refund')).to.contain('store credit');
      expect(part(el, 'refund-delay')).to.equal(null);
    });
  });

  it('calls a return fee of zero free, never "costs €0"', async () => {
    const policy = policyFull();
    policy.returns.fees = { amount: 0, currency: 'EUR' };
    const el = await render('en', policy);
    expect(partText(el, 'headline')).to.equal('Free returns within 30 days');
    expect(part(el, 'fees')).to.equal(null);
  });

  describe('on an order page: the deadline as a date', () => {
    let clock: ReturnType<typeof clockAt> | undefined;
    afterEach(() => clock?.restore());

    it('gives the last day in a <time>, in three languages', async () => {
      // Delivered Monday 9 March 2026 + 30 days = Wednesday 8 April 2026; it is now the day after delivery.
      clock = clockAt('2026-03-10T12:00:00+01:00');
      const fr = await render('fr', policyFull(), '2026-03-09');
      expect(timesOf(fr)).to.deep.equal(['2026-04-08']);
      expect(partText(fr, 'deadline')).to.equal(
        'Vous pouvez nous renvoyer cet article jusqu’au mercredi 8 avril 2026 inclus.',
      );
      const es = await render('es', policyFull(), '2026-03-09');
      expect(partText(es, 'deadline')).to.equal(
        'Puede devolvernos este artículo hasta el miércoles 8 de abril de 2026, incluido.',
      );
      const en = await render('en', policyFull(), '2026-03-09');
      expect(partText(en, 'deadline')).to.equal('You can send this item back until Wednesday, April 8, 2026.');
    });

    it('the last day included, in the shop zone; the day after, it says the period has ended', async () => {
      // 23:30 in Paris on the last day (21:30 UTC): still open.
      clock = clockAt('2026-04-08T21:30:00Z');
      const last = await render('en', policyFull(), '2026-03-09');
      expect(partText(last, 'deadline')).to.equal('You can send this item back until Wednesday, April 8, 2026.');
      clock.restore();
      // 00:30 in Paris the next day (22:30 UTC, still the 8th in UTC): over.
      clock = clockAt('2026-04-08T22:30:00Z');
      const over = await render('en', policyFull(), '2026-03-09');
      expect(partText(over, 'deadline')).to.equal('The return period for this item ended on Wednesday, April 8, 2026.');
      expect(timesOf(over)).to.deep.equal(['2026-04-08']);
      const fr = await render('fr', policyFull(), '2026-03-09');
      expect(partText(fr, 'deadline')).to.equal(
        'Le délai de retour de cet article a pris fin le mercredi 8 avril 2026.',
      );
      const es = await render('es', policyFull(), '2026-03-09');
      expect(partText(es, 'deadline')).to.equal(
        'El plazo de devolución de este artículo terminó el miércoles 8 de abril de 2026.',
      );
    });

    it('moves a deadline that falls on a public holiday to the next business day', async () => {
      // Delivered 1 April 2026 + 30 days = Friday 1 May (holiday) → Monday 4 May.
      const el = await render('fr', policyFull(), '2026-04-01');
      expect(timesOf(el)).to.deep.equal(['2026-05-04']);
      expect(partText(el, 'explanation')).to.contain('un jour où nous sommes fermés');
    });

    it('fires policy-ready with the deadline', async () => {
      const el = document.createElement('policy-returns');
      el.setAttribute('delivered-on', '2026-03-09');
      const ready = nextEvent<{ deadline: string }>(el, 'policy-ready');
      el.policy = policyFull();
      document.body.append(el);
      expect((await ready).detail.deadline).to.equal('2026-04-08');
      el.remove();
    });

    it('shows the fallback, not a wrong date, for a delivery date that does not exist', async () => {
      const el = document.createElement('policy-returns');
      el.setAttribute('delivered-on', '2026-02-30');
      const failed = nextEvent(el, 'policy-error');
      el.policy = policyFull();
      document.body.append(el);
      await failed;
      expect(timesOf(el)).to.deep.equal([]);
      expect(part(el, 'fallback')).not.to.equal(null);
      el.remove();
    });
  });

  it('says plainly that a policy without returns does not state them', async () => {
    const policy = policyFull();
    delete policy.returns;
    for (const [lang, words] of [
      ['fr', 'Nous n’avons pas précisé ici nos conditions de retour'],
      [
        'es',
        'Aún no hemos indicado aquí nuestras condiciones de devolución. No dude en preguntarnos antes de comprar: le informaremos con mucho gusto.',
      ],
      ['en', "We haven't stated our returns policy here"],
    ]) {
      const el = await render(lang!, policy);
      expect(textOf(el)).to.contain(words);
      expect((part(el, 'link') as HTMLAnchorElement).href).to.equal(policy.merchant.policyUrl);
    }
  });
});
