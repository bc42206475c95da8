import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define/index.js';
import type { PolicyDeliveryWindow } from '../../src/index.js';
import { nextEvent, part, policyFull, textOf, timesOf } from './helpers.js';

/** Serves JSON bodies at blob: URLs, so fetch goes through the browser's real network stack. */
const served = (body: string, type = 'application/json') => URL.createObjectURL(new Blob([body], { type }));

describe('getting the policy', () => {
  it('fetches it from src and shows the window', async () => {
    const el = document.createElement('policy-delivery-window');
    el.lang = 'en';
    const ready = nextEvent(el, 'policy-ready');
    el.src = served(JSON.stringify(policyFull()));
    document.body.append(el);
    await ready;
    expect(timesOf(el)).to.have.length(2);
    el.remove();
  });

  it('fetches one URL once, however many elements show it', async () => {
    const url = served(JSON.stringify(policyFull()));
    const original = window.fetch;
    let calls = 0;
    window.fetch = (...args) => {
      calls++;
      return original(...args);
    };
    try {
      const els = [1, 2, 3].map(() => Object.assign(document.createElement('policy-delivery-window'), { src: url }));
      const ready = els.map((el) => nextEvent(el, 'policy-ready'));
      document.body.append(...els);
      await Promise.all(ready);
      expect(calls).to.equal(1);
      els.forEach((el) => el.remove());
    } finally {
      window.fetch = original;
    }
  });

  it('keeps its space while the policy loads, with no date shown', async () => {
    const original = window.fetch;
    window.fetch = () => new Promise<Response>(() => {});
    try {
      const el = await fixture<PolicyDeliveryWindow>(
        html`<policy-delivery-window lang="fr" src="/slow-policy.json"></policy-delivery-window>`,
      );
      expect(timesOf(el)).to.deep.equal([]);
      // Four lines are reserved: the window, the day count, the method and the disclosure.
      const line = parseFloat(getComputedStyle(el).lineHeight) || 16;
      expect(el.getBoundingClientRect().height).to.be.greaterThan(3.5 * line);
      expect(part(el, 'loading')!.getAttribute('aria-busy')).to.equal('true');
    } finally {
      window.fetch = original;
    }
  });

  it('reads an inline <script type="application/json"> child', async () => {
    const json = JSON.stringify(policyFull());
    const host = await fixture(html`<div lang="es"></div>`);
    host.innerHTML = `<policy-delivery-window><script type="application/json">${json}</script></policy-delivery-window>`;
    const el = host.firstElementChild as PolicyDeliveryWindow;
    await el.updateComplete;
    expect(textOf(el)).to.contain('Entrega estimada');
    expect(timesOf(el)).to.have.length(2);
  });
});

describe('warnings', () => {
  it('logs a policy warning once, however many elements show that policy', async () => {
    const warn = sinon.stub(console, 'warn');
    try {
      const policy = { ...policyFull(), colour: 'green' };
      const box = await fixture(html`<div>
        <policy-delivery-window .policy=${policy}></policy-delivery-window>
        <policy-returns .policy=${policy}></policy-returns>
      </div>`);
      // Each element done: its warnings are in words once the check's words have loaded.
      await Promise.all(
        [...box.children].map((el) => (el as HTMLElement & { updateComplete: unknown }).updateComplete),
      );
      expect(warn.getCalls().filter((c) => String(c.args[0]).includes('colour'))).to.have.length(1);
    } finally {
      warn.restore();
    }
  });
});

describe('when the policy cannot be shown', () => {
  it('shows a polite fallback with the policy link, no date, and fires policy-error with the path', async () => {
    const bad = policyFull();
    delete bad.merchant.timeZone;
    const el = document.createElement('policy-delivery-window');
    el.lang = 'fr';
    const failed = nextEvent<{ issues: { path: string; message: string }[] }>(el, 'policy-error');
    el.policy = bad;
    document.body.append(el);
    const { detail } = await failed;
    expect(detail.issues.map((i) => i.path)).to.deep.equal(['/merchant/timeZone']);
    await el.updateComplete;
    expect(timesOf(el)).to.deep.equal([]);
    expect(textOf(el)).to.contain('Nous ne pouvons pas afficher nos délais de livraison pour le moment.');
    const link = part(el, 'link') as HTMLAnchorElement;
    expect(link.href).to.equal('https://maison-dupont.example/conditions-generales-de-vente');
    expect(link.rel).to.equal('noopener noreferrer');
    el.remove();
  });

  it('shows the fallback, no date, when the fetch fails (404)', async () => {
    const el = document.createElement('policy-delivery-window');
    el.lang = 'en';
    const failed = nextEvent<{ issues: { message: string }[] }>(el, 'policy-error');
    el.src = '/no-such-policy.json';
    document.body.append(el);
    expect((await failed).detail.issues[0]!.message).to.contain('404');
    await el.updateComplete;
    expect(timesOf(el)).to.deep.equal([]);
    expect(textOf(el)).to.contain("We can't show our delivery times right now");
    el.remove();
  });

  it('shows the fallback when the file is not JSON', async () => {
    const el = document.createElement('policy-delivery-window');
    const failed = nextEvent<{ issues: { message: string }[] }>(el, 'policy-error');
    el.src = served('<html>not a policy</html>');
    document.body.append(el);
    expect((await failed).detail.issues[0]!.message).to.contain('not valid JSON');
    expect(timesOf(el)).to.deep.equal([]);
    el.remove();
  });

  it('shows the fallback for a method the policy does not have', async () => {
    const el = document.createElement('policy-delivery-window');
    el.setAttribute('method', 'drone');
    const failed = nextEvent<{ issues: { path: string }[] }>(el, 'policy-error');
    el.policy = policyFull();
    document.body.append(el);
    expect((await failed).detail.issues[0]!.path).to.equal('/delivery/methods');
    expect(timesOf(el)).to.deep.equal([]);
    el.remove();
  });

  it('says plainly that the policy has no delivery section', async () => {
    const noDelivery = policyFull();
    delete noDelivery.delivery;
    const el = await fixture<PolicyDeliveryWindow>(
      html`<policy-delivery-window lang="en" .policy=${noDelivery}></policy-delivery-window>`,
    );
    expect(textOf(el)).to.contain("We haven't published our delivery times here yet");
    expect(timesOf(el)).to.deep.equal([]);
  });

  it('recovers when a good policy replaces a bad one', async () => {
    const el = await fixture<PolicyDeliveryWindow>(
      html`<policy-delivery-window lang="en" .policy=${{ version: 2 }}></policy-delivery-window>`,
    );
    expect(timesOf(el)).to.deep.equal([]);
    el.policy = policyFull();
    await el.updateComplete;
    expect(timesOf(el)).to.have.length(2);
  });

  it('renders merchant text as text, never as HTML', async () => {
    const hostile = policyFull();
    hostile.delivery.methods[0].label = '<img src=x onerror="window.__pwned=1">';
    hostile.delivery.methods[0].note = '<script>window.__pwned=1</script>';
    const el = await fixture<PolicyDeliveryWindow>(
      html`<policy-delivery-window lang="en" .policy=${hostile}></policy-delivery-window>`,
    );
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect(part(el, 'label')!.textContent).to.equal('<img src=x onerror="window.__pwned=1">');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
