import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define/index.js';
import type { PolicyNonRefundable } from '../../src/index.js';
import { part, policyEs, policyFull, textOf } from './helpers.js';

const render = (lang: string, policy: unknown, category?: string) =>
  fixture<PolicyNonRefundable>(
    html`<policy-non-refundable lang=${lang} .policy=${policy} category=${category ?? undefined}></policy-non-refundable>`,
  );

const entries = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('[part~="entry"]')].map((e) => ({
    items: e.querySelector('[part~="items"]')!.textContent,
    why: e.querySelector('[part~="explanation"]')!.textContent,
  }));

describe('<policy-non-refundable>', () => {
  it('shows one category on a product page, with the merchant explanation, in three languages', async () => {
    const fr = await render('fr', policyFull(), 'hygiene');
    expect(entries(fr)).to.deep.equal([
      {
        items: 'Sièges de toilette, chaises de douche, aides au bain',
        why: "Pour des raisons d'hygiène, ces articles ne sont ni repris ni échangés une fois descellés.",
      },
    ]);
    expect(part(fr, 'title')!.textContent).to.equal('Ni reprise ni échange');
    expect(entries(await render('es', policyFull(), 'hygiene'))[0]!.items).to.equal(
      'Asientos de inodoro, sillas de ducha, ayudas para el baño',
    );
    expect(entries(await render('en', policyFull(), 'hygiene'))[0]!.why).to.equal(
      'For hygiene reasons these items cannot be returned or exchanged once unsealed.',
    );
  });

  it('gives the standard explanation of the reason when the policy has none of its own', async () => {
    expect(entries(await render('fr', policyEs(), 'hygiene'))[0]!.why).to.equal(
      'Pour des raisons d’hygiène, nous ne pouvons pas reprendre ces articles une fois leur emballage ouvert.',
    );
    expect(entries(await render('es', policyFull(), 'made-to-measure'))[0]!.why).to.equal(
      'Fabricados a su medida, estos artículos no servirían a nadie más.',
    );
    expect(entries(await render('en', policyFull(), 'made-to-measure'))[0]!.why).to.contain(
      'Made to your measurements',
    );
  });

  it('has a standard explanation for every reason code, in every language', async () => {
    const reasons = ['hygiene', 'custom-made', 'perishable', 'sealed-media', 'final-sale', 'other'];
    const policy = policyFull();
    policy.nonRefundable = reasons.map((reason) => ({ id: reason, reason, items: 'X' }));
    for (const lang of ['fr', 'es', 'en']) {
      const whys = entries(await render(lang, policy)).map((e) => e.why!);
      expect(whys).to.have.length(6);
      expect(new Set(whys).size, `${lang}: one distinct sentence per reason`).to.equal(6);
      for (const why of whys) expect(why, lang).not.to.match(/nonRefundable\.|reason_/);
    }
  });

  it('gives the link to the full terms when the standard "other" reason points to them', async () => {
    const policy = policyFull();
    policy.nonRefundable = [{ id: 'gift-cards', reason: 'other', items: 'Gift cards' }];
    const el = await render('en', policy);
    expect((part(el, 'link') as HTMLAnchorElement).href).to.equal(policy.merchant.policyUrl);
  });

  it('treats an empty list as not stated', async () => {
    const policy = policyFull();
    policy.nonRefundable = [];
    expect(textOf(await render('en', policy))).to.contain("We haven't stated here which items cannot be returned");
  });

  it('lists every entry when no category is given', async () => {
    expect(entries(await render('en', policyFull())).map((e) => e.items)).to.deep.equal([
      'Toilet seats, shower chairs, bath aids',
      'Made-to-measure sofas and curtains',
    ]);
  });

  it('renders nothing for a category the policy lacks, and warns in the console', async () => {
    const warn = sinon.stub(console, 'warn');
    try {
      const el = await render('fr', policyFull(), 'perishable');
      expect(textOf(el)).to.equal('');
      expect(el.getBoundingClientRect().height).to.equal(0);
      expect(warn.calledWithMatch(sinon.match('perishable'))).to.equal(true);
    } finally {
      warn.restore();
    }
  });

  it('says plainly when the policy does not state non-refundable items', async () => {
    const policy = policyFull();
    delete policy.nonRefundable;
    expect(textOf(await render('fr', policy))).to.contain(
      'Nous n’avons pas précisé ici quels articles ne sont pas repris',
    );
  });
});
