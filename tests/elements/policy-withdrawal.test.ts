import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/define/index.js';
import type { PolicyWithdrawal } from '../../src/index.js';
import { nextEvent, part, policyFull, textOf } from './helpers.js';

/**
 * <policy-withdrawal>, the EU withdrawal function: the labelled button, the three-field form, the
 * separate confirmation, the POST the spec describes, the acknowledgement with the date and time
 * received in the shop's zone; and a failing endpoint, which must lose nothing the shopper typed.
 */
const ENDPOINT = 'https://maison-dupont.example/api/withdrawal';
const EMAIL = 'retractation@maison-dupont.example';
const withWithdrawal = (withdrawal: Record<string, unknown> = {}) => ({
  ...policyFull(),
  withdrawal: { days: 14, endpoint: ENDPOINT, email: EMAIL, ...withdrawal },
});

const render = (lang: string, policy: unknown = withWithdrawal(), timeout?: number) =>
  fixture<PolicyWithdrawal>(
    html`<policy-withdrawal lang=${lang} .policy=${policy} timeout=${timeout ?? 15000}></policy-withdrawal>`,
  );

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T & Element>(selector as never) as unknown as T;
const input = (el: Element, name: string) => $<HTMLInputElement>(el, `#${name}`);
const button = (el: Element, name: string) => part(el, name) as HTMLButtonElement;
const settle = async (el: PolicyWithdrawal) => {
  await el.updateComplete;
  await el.updateComplete;
};

/** Types into a field as a shopper does: the value, then an input event. */
function type(el: Element, name: string, value: string) {
  const field = input(el, name);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function fillAndConfirm(el: PolicyWithdrawal, values = { name: 'Jeanne Martin', order: '2026-0042' }) {
  button(el, 'start').click();
  await settle(el);
  type(el, 'name', values.name);
  type(el, 'order', values.order);
  type(el, 'email', 'jeanne@example.com');
  await settle(el);
  button(el, 'continue').click();
  await settle(el);
}

const acknowledged = (body: unknown, status = 201) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('<policy-withdrawal>', () => {
  let fetchStub: sinon.SinonStub<Parameters<typeof fetch>, ReturnType<typeof fetch>> | undefined;
  let errors: sinon.SinonStub;
  beforeEach(() => (errors = sinon.stub(console, 'error')));
  afterEach(() => {
    fetchStub?.restore();
    fetchStub = undefined;
    errors.restore();
  });

  it("labels the function with the Directive's words in each language, after the withdrawal period", async () => {
    const labels: Record<string, [string, RegExp]> = {
      en: ['Withdraw from contract here', /within 14 days of delivery/],
      fr: ['Se rétracter du contrat ici', /dans un délai de 14 jours à compter de la livraison/],
      es: ['Desistir del contrato aquí', /en un plazo de 14 días desde la entrega/],
    };
    for (const [lang, [label, intro]] of Object.entries(labels)) {
      const el = await render(lang);
      expect(button(el, 'start').textContent!.trim(), lang).to.equal(label);
      expect(part(el, 'intro')!.textContent, lang).to.match(intro);
      // Nothing else yet: no field, nothing sent.
      expect(el.shadowRoot!.querySelector('input'), lang).to.equal(null);
    }
  });

  it('goes form → confirmation → POST as the spec says → acknowledgement with the date and time in the shop zone', async () => {
    fetchStub = sinon
      .stub(window, 'fetch')
      .resolves(acknowledged({ id: 'W-2026-000123', receivedAt: '2026-12-02T09:15:00.000Z' }));
    const el = await render('fr');
    button(el, 'start').click();
    await settle(el);
    // Only the three fields the law allows, each with its label.
    const inputs = [...el.shadowRoot!.querySelectorAll('input')];
    expect(inputs.map((i) => i.name)).to.deep.equal(['name', 'order', 'email']);
    expect(inputs.map((i) => i.labels?.[0]?.textContent?.trim())).to.deep.equal([
      'Votre nom',
      'Numéro de commande',
      'Adresse e\u2011mail pour l’accusé de réception',
    ]);
    expect(el.shadowRoot!.activeElement).to.equal(input(el, 'name'));
    type(el, 'name', '  Jeanne Martin ');
    type(el, 'order', '2026-0042');
    type(el, 'email', 'jeanne@example.com');
    await settle(el);
    button(el, 'continue').click();
    await settle(el);
    // The separate confirmation step: what will be sent, and nothing sent yet.
    expect(fetchStub.called, 'nothing sent before "Confirmer la rétractation"').to.equal(false);
    expect(button(el, 'confirm').textContent!.trim()).to.equal('Confirmer la rétractation');
    expect(part(el, 'summary')!.textContent).to.contain('Jeanne Martin').and.contain('2026-0042');
    const ready = nextEvent<{ step: string; acknowledgement?: unknown }>(el, 'policy-ready');
    button(el, 'confirm').click();
    await settle(el);
    while (!part(el, 'result')) await nextEvent(el, 'policy-ready');

    expect(fetchStub.calledOnce).to.equal(true);
    const [url, init] = fetchStub.firstCall.args;
    expect(url).to.equal(ENDPOINT);
    expect(init!.method).to.equal('POST');
    expect(new Headers(init!.headers).get('content-type')).to.equal('application/json');
    const body = JSON.parse(init!.body as string) as Record<string, string>;
    expect(Object.keys(body)).to.deep.equal(['name', 'order', 'email', 'lang', 'submittedAt']);
    expect(body).to.include({ name: 'Jeanne Martin', order: '2026-0042', email: 'jeanne@example.com', lang: 'fr' });
    expect(new Date(body.submittedAt!).toISOString()).to.equal(body.submittedAt);
    expect((await ready).detail.step).to.equal('sending');

    // 09:15 UTC is 10:15 in Paris, whatever this machine's zone.
    const result = part(el, 'result')!;
    const text = textOf(el);
    expect(text).to.contain('Nous avons bien reçu votre rétractation');
    expect(text).to.match(/mercredi 2 décembre 2026/);
    expect(text).to.contain('10:15');
    expect(text).to.contain('heure d’Europe centrale');
    expect(text).to.contain('W-2026-000123');
    expect(text).to.contain('jeanne@example.com');
    expect(result.querySelector('time')!.getAttribute('datetime')).to.equal('2026-12-02T09:15:00.000Z');
    expect(el.shadowRoot!.activeElement, 'focus on the acknowledgement').to.equal(result);
  });

  it('writes the date and time received in English and Spanish too', async () => {
    for (const [lang, date, time] of [
      ['en', 'December 2, 2026', '10:15'],
      ['es', '2 de diciembre de 2026', '10:15'],
    ]) {
      fetchStub?.restore();
      fetchStub = sinon.stub(window, 'fetch').resolves(acknowledged({ id: 7, receivedAt: '2026-12-02T09:15:00Z' }));
      const el = await render(lang!);
      await fillAndConfirm(el);
      button(el, 'confirm').click();
      while (!part(el, 'result')) await nextEvent(el, 'policy-ready');
      expect(textOf(el), lang).to.contain(date).and.contain(time).and.contain('7');
    }
  });

  it('asks for each missing or malformed field, the message tied to its field, focus on the first', async () => {
    fetchStub = sinon.stub(window, 'fetch');
    const el = await render('en');
    button(el, 'start').click();
    await settle(el);
    type(el, 'email', 'jeanne at example');
    await settle(el);
    button(el, 'continue').click();
    await settle(el);
    for (const [name, message] of [
      ['name', 'Please enter your name.'],
      ['order', 'Please enter your order number.'],
      ['email', 'Please check your email address: it should look like name@example.com.'],
    ]) {
      const field = input(el, name!);
      expect(field.getAttribute('aria-invalid'), name).to.equal('true');
      const described = el.shadowRoot!.getElementById(field.getAttribute('aria-describedby')!);
      expect(described?.textContent?.trim(), name).to.equal(message);
    }
    expect(el.shadowRoot!.activeElement).to.equal(input(el, 'name'));
    expect(fetchStub.called).to.equal(false);
    // A correction clears its message at once.
    type(el, 'name', 'Jeanne Martin');
    await settle(el);
    expect(input(el, 'name').getAttribute('aria-invalid')).to.equal('false');
    expect(input(el, 'name').hasAttribute('aria-describedby')).to.equal(false);
  });

  it('on a network failure, keeps everything typed, says so plainly and offers the e-mail address', async () => {
    // A real request to a port where nothing listens: the browser's own network error.
    const el = await render('en', withWithdrawal({ endpoint: 'http://127.0.0.1:9/withdrawal' }));
    await fillAndConfirm(el);
    button(el, 'confirm').click();
    while (!part(el, 'failure')) await nextEvent(el, 'policy-ready');
    const failure = part(el, 'failure')!;
    expect(failure.getAttribute('role')).to.equal('alert');
    expect(failure.textContent).to.contain('Your withdrawal has not been sent: we could not reach our server.');
    expect(failure.textContent).to.contain('Everything you typed is still here.');
    expect(el.shadowRoot!.activeElement, 'focus on the message').to.equal(failure);
    // The form, filled as it was.
    expect(input(el, 'name').value).to.equal('Jeanne Martin');
    expect(input(el, 'order').value).to.equal('2026-0042');
    expect(input(el, 'email').value).to.equal('jeanne@example.com');
    // The e-mail fallback: the shop's address, the withdrawal written out for the shopper.
    const link = part(el, 'email') as HTMLAnchorElement;
    expect(link.textContent).to.equal(EMAIL);
    const mailto = new URL(link.href);
    expect(mailto.protocol).to.equal('mailto:');
    expect(mailto.pathname).to.equal(EMAIL);
    expect(mailto.searchParams.get('subject')).to.equal('Withdrawal from order 2026-0042');
    expect(mailto.searchParams.get('body'))
      .to.contain('I hereby give notice that I withdraw')
      .and.contain('Jeanne Martin');
  });

  it('on an error response, the same; and sending again from the filled form works', async () => {
    // The test server's real 503, with a JSON body: only a 2xx with an acknowledgement counts.
    const el = await render('es', withWithdrawal({ endpoint: `${location.origin}/__test/status/503` }));
    await fillAndConfirm(el);
    button(el, 'confirm').click();
    while (!part(el, 'failure')) await nextEvent(el, 'policy-ready');
    expect(part(el, 'failure')!.textContent).to.contain('nuestro servidor no ha podido aceptarlo');
    expect(part(el, 'failure')!.textContent).to.contain(EMAIL);
    expect(input(el, 'order').value).to.equal('2026-0042');

    fetchStub = sinon.stub(window, 'fetch').resolves(acknowledged({ id: 'A1', receivedAt: '2026-12-02T09:15:00Z' }));
    button(el, 'confirm').click();
    while (!part(el, 'result')) await nextEvent(el, 'policy-ready');
    expect(fetchStub.calledOnce).to.equal(true);
    expect(textOf(el)).to.contain('Hemos recibido su desistimiento');
  });

  it('counts a 2xx without an acknowledgement, and a time-out, as not sent', async () => {
    fetchStub = sinon.stub(window, 'fetch').resolves(new Response('<html>OK</html>', { status: 200 }));
    const el = await render('en');
    await fillAndConfirm(el);
    button(el, 'confirm').click();
    while (!part(el, 'failure')) await nextEvent(el, 'policy-ready');
    expect(part(el, 'failure')!.textContent).to.contain('our server could not accept it');

    fetchStub.restore();
    fetchStub = sinon
      .stub(window, 'fetch')
      .callsFake(
        (_url, init) =>
          new Promise((_resolve, reject) =>
            init!.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
          ),
      );
    const slow = await render('en', withWithdrawal(), 50);
    await fillAndConfirm(slow);
    button(slow, 'confirm').click();
    while (!part(slow, 'failure')) await nextEvent(slow, 'policy-ready');
    expect(part(slow, 'failure')!.textContent).to.contain('we could not reach our server');
    expect(input(slow, 'name').value).to.equal('Jeanne Martin');
  });

  it('offers "try again" instead when the policy gives no e-mail address', async () => {
    const el = await render('en', withWithdrawal({ email: undefined, endpoint: 'http://127.0.0.1:9/w' }));
    await fillAndConfirm(el);
    button(el, 'confirm').click();
    while (!part(el, 'failure')) await nextEvent(el, 'policy-ready');
    expect(part(el, 'failure')!.textContent).to.contain('Please try again in a moment.');
    expect(part(el, 'email')).to.equal(null);
  });

  it('"Change my details" goes back to the form with everything kept', async () => {
    const el = await render('en');
    await fillAndConfirm(el);
    button(el, 'change').click();
    await settle(el);
    expect(input(el, 'name').value).to.equal('Jeanne Martin');
    expect(el.shadowRoot!.activeElement).to.equal(input(el, 'name'));
  });

  it('gives each step a heading at heading-level (2 by default, 2 to 6)', async () => {
    for (const [attribute, level] of [
      [undefined, '2'],
      ['3', '3'],
      ['6', '6'],
      ['7', '2'],
      ['x', '2'],
    ] as const) {
      const el = await fixture<PolicyWithdrawal>(
        html`<policy-withdrawal lang="en" heading-level=${attribute ?? undefined} .policy=${withWithdrawal()}></policy-withdrawal>`,
      );
      button(el, 'start').click();
      await settle(el);
      const heading = part(el, 'title')!;
      expect(heading.getAttribute('role'), attribute).to.equal('heading');
      expect(heading.getAttribute('aria-level'), attribute).to.equal(level);
      expect(heading.textContent!.trim()).to.equal('Withdraw from your contract');
    }
  });

  it('fills the order number from the order attribute', async () => {
    const el = await fixture<PolicyWithdrawal>(
      html`<policy-withdrawal lang="en" order="2026-0099" .policy=${withWithdrawal()}></policy-withdrawal>`,
    );
    button(el, 'start').click();
    await settle(el);
    expect(input(el, 'order').value).to.equal('2026-0099');
  });

  it('is usable with the keyboard alone', async () => {
    fetchStub = sinon.stub(window, 'fetch').resolves(acknowledged({ id: 'K1', receivedAt: '2026-12-02T09:15:00Z' }));
    const el = await render('en');
    const before = Object.assign(document.createElement('button'), { textContent: 'before' });
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(button(el, 'start'));
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.shadowRoot!.activeElement).to.equal(input(el, 'name'));
    await sendKeys({ type: 'Jeanne Martin' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '2026-0042' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'jeanne@example.com' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(part(el, 'summary')!.textContent).to.contain('jeanne@example.com');
    expect(fetchStub.called).to.equal(false);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(button(el, 'confirm'));
    await sendKeys({ press: 'Enter' });
    while (!part(el, 'result')) await nextEvent(el, 'policy-ready');
    expect(fetchStub.calledOnce).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'result'));
    before.remove();
  });

  it('gives every button, field and the e-mail link a target of 48 px at least', async () => {
    const el = await render('en', withWithdrawal({ endpoint: 'http://127.0.0.1:9/w' }));
    const sizes = (): [string, number, number][] =>
      [...el.shadowRoot!.querySelectorAll<HTMLElement>('button, input, a')].map((t) => {
        const { width, height } = t.getBoundingClientRect();
        return [t.getAttribute('part') ?? t.localName, width, height];
      });
    const small = () => sizes().filter(([, w, h]) => w < 48 || h < 48);
    expect(small()).to.deep.equal([]);
    await fillAndConfirm(el);
    expect(small()).to.deep.equal([]);
    button(el, 'confirm').click();
    while (!part(el, 'failure')) await nextEvent(el, 'policy-ready');
    expect(sizes().length).to.be.greaterThan(3);
    expect(small()).to.deep.equal([]);
  });

  it('has no axe violation at any step', async () => {
    const el = await render('fr', withWithdrawal({ endpoint: 'http://127.0.0.1:9/w' }));
    await expect(el).to.be.accessible();
    button(el, 'start').click();
    await settle(el);
    await expect(el).to.be.accessible();
    button(el, 'continue').click();
    await settle(el);
    await expect(el).to.be.accessible();
    type(el, 'name', 'Jeanne Martin');
    type(el, 'order', '2026-0042');
    type(el, 'email', 'jeanne@example.com');
    await settle(el);
    button(el, 'continue').click();
    await settle(el);
    await expect(el).to.be.accessible();
    button(el, 'confirm').click();
    while (!part(el, 'failure')) await nextEvent(el, 'policy-ready');
    await expect(el).to.be.accessible();
  });

  it('shows the fallback, with the reason, when the policy gives no endpoint', async () => {
    const error = new Promise<CustomEvent<{ issues: { path: string }[] }>>((resolve) =>
      document.addEventListener('policy-error', (e) => resolve(e as never), { once: true }),
    );
    const el = await render('en', withWithdrawal({ endpoint: undefined }));
    expect((await error).detail.issues[0]!.path).to.equal('/withdrawal/endpoint');
    expect(part(el, 'fallback')).to.not.equal(null);
    expect(part(el, 'start')).to.equal(null);
  });
});
