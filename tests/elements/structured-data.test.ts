import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/index.js';
import { structuredData } from '../../src/core/index.js';
import type { PolicyDeliveryWindow, PolicyReturns } from '../../src/index.js';
import { clockAt, nextEvent, part, policyFull, textOf } from './helpers.js';

/** The JSON-LD scripts among an element's own children. */
const scripts = (el: Element) => [...el.querySelectorAll(':scope > script[type="application/ld+json"]')];
const jsonLd = (el: Element) => JSON.parse(scripts(el)[0]!.textContent!) as Record<string, any>;

const delivery = (policy: unknown, attrs = true) =>
  fixture<PolicyDeliveryWindow>(
    html`<policy-delivery-window lang="fr" .policy=${policy} ?structured-data=${attrs}></policy-delivery-window>`,
  );
const returns = (policy: unknown) =>
  fixture<PolicyReturns>(html`<policy-returns lang="fr" .policy=${policy} structured-data></policy-returns>`);

describe('the structured-data attribute', () => {
  let clock: ReturnType<typeof clockAt> | undefined;
  afterEach(() => clock?.restore());

  it('<policy-delivery-window> adds the shipping JSON-LD in the light DOM, with the cutoff at winter time', async () => {
    clock = clockAt('2026-01-20T09:00:00+01:00');
    const el = await delivery(policyFull());
    expect(scripts(el)).to.have.length(1);
    const data = jsonLd(el);
    expect(data).to.deep.equal(
      structuredData(policyFull(), {
        level: 'organization',
        only: 'shipping',
        lang: 'fr',
        now: '2026-01-20T09:00:00+01:00',
      }),
    );
    expect(data['@type']).to.equal('OnlineStore');
    expect(data.hasShippingService[0].handlingTime.cutoffTime).to.equal('14:00:00+01:00');
    expect(data).not.to.have.property('hasMerchantReturnPolicy');
    // Search engines read it; shoppers never see it.
    expect(textOf(el)).not.to.contain('schema.org');
  });

  it('the cutoff is at summer time in July', async () => {
    clock = clockAt('2026-07-20T09:00:00+02:00');
    const el = await delivery(policyFull());
    expect(jsonLd(el).hasShippingService[0].handlingTime.cutoffTime).to.equal('14:00:00+02:00');
  });

  it('its days are the ones the element shows (padded)', async () => {
    clock = clockAt('2026-01-20T09:00:00+01:00');
    const el = await delivery(policyFull());
    const service = jsonLd(el).hasShippingService[0];
    const handling = service.handlingTime.duration;
    const transit = service.shippingConditions[0].transitTime.duration;
    const [min, max] = [handling.minValue + transit.minValue, handling.maxValue + transit.maxValue];
    expect([min, max]).to.deep.equal([4, 7]);
    expect(part(el, 'days')!.textContent).to.match(new RegExp(`${min}\\D+${max}`));
  });

  it('adds nothing without the attribute, and goes when the attribute goes', async () => {
    const el = await delivery(policyFull(), false);
    expect(scripts(el)).to.have.length(0);
    el.toggleAttribute('structured-data', true);
    await el.updateComplete;
    expect(scripts(el)).to.have.length(1);
    el.removeAttribute('structured-data');
    await el.updateComplete;
    expect(scripts(el)).to.have.length(0);
  });

  it('is replaced when the policy changes, and removed when the new one cannot be shown', async () => {
    const el = await delivery(policyFull());
    const policy = policyFull();
    policy.delivery.methods[0].price = { amount: 9.9, currency: 'EUR' };
    el.policy = policy;
    await el.updateComplete;
    expect(scripts(el)).to.have.length(1);
    expect(jsonLd(el).hasShippingService[0].shippingConditions[0].shippingRate.value).to.equal(9.9);
    const failed = nextEvent(el, 'policy-error');
    el.policy = { version: 2 };
    await failed;
    expect(scripts(el)).to.have.length(0);
  });

  it('merchant text cannot close the script: < is written \\u003c, nothing is added to the page', async () => {
    const policy = policyFull();
    policy.merchant.name = '</script><img src=x onerror="window.__pwned = 1"><!--';
    const el = await delivery(policy);
    const [script] = scripts(el);
    expect(script!.textContent).not.to.contain('<');
    expect(jsonLd(el).name).to.equal(policy.merchant.name);
    expect(el.children).to.have.length(1);
    expect(el.querySelector('img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('leaves a JSON-LD script the page put there itself alone', async () => {
    const el = await fixture<PolicyDeliveryWindow>(
      html`<policy-delivery-window lang="fr" .policy=${policyFull()}
        ><script type="application/ld+json">
          {"@context": "https://schema.org", "@type": "Product"}
        </script></policy-delivery-window
      >`,
    );
    el.toggleAttribute('structured-data', true);
    await el.updateComplete;
    expect(scripts(el)).to.have.length(2);
    el.removeAttribute('structured-data');
    await el.updateComplete;
    expect(scripts(el)).to.have.length(1);
    expect(scripts(el)[0]!.textContent).to.contain('Product');
  });

  it('<policy-returns> adds the return policies, the custom-made category not returnable', async () => {
    const el = await returns(policyFull());
    const data = jsonLd(el);
    expect(data).not.to.have.property('hasShippingService');
    expect(data.hasMerchantReturnPolicy.map((p: Record<string, string>) => p.returnPolicyCategory)).to.deep.equal([
      'https://schema.org/MerchantReturnFiniteReturnWindow',
      'https://schema.org/MerchantReturnNotPermitted',
    ]);
    expect(data.hasMerchantReturnPolicy[0].merchantReturnDays).to.equal(30);
    expect(data.hasMerchantReturnPolicy[1].name).to.equal('Canapés et rideaux sur mesure');
  });
});
