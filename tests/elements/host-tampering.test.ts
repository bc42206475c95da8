/**
 * A host page that tampers must not make the widget lie, hang or go blank (issue 12, §1-2): one
 * console line for any number of unknown keys, a polluted Object.prototype ignored, built-ins
 * broken after load ending in the right dates or the fallback with policy-error, a bounded number
 * of updates, an element moved into an iframe's document, and the bundle loaded twice under
 * Trusted Types restricted to the "lit-html" policy.
 */
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define/index.js';
import type { PolicyElement } from '../../src/index.js';
import { clockAt, nextEvent, part, policyFull, textOf, timesOf } from './helpers.js';

type Issue = { path: string; message: string };
type Json = Record<string, any>;

const settle = () => new Promise((done) => setTimeout(done, 50));

async function until(ready: () => boolean, what: string, ms = 5000) {
  const end = performance.now() + ms;
  while (!ready()) {
    if (performance.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 25));
  }
}

describe('unknown keys: one console line, whatever their number', () => {
  afterEach(() => sinon.restore());

  it('80,000 unknown keys (80,000 console.warn calls, 2 s of main thread): one summary naming the first 20', async () => {
    const warn = sinon.stub(console, 'warn');
    const policy = policyFull();
    for (let i = 0; i < 80_000; i++) policy.merchant[`extra${i}`] = i;
    const el = await fixture<PolicyElement>(html`<policy-returns lang="en" .policy=${policy}></policy-returns>`);
    expect(textOf(el)).to.contain('Free returns');
    const lines = warn
      .getCalls()
      .map((c) => String(c.args[0]))
      .filter((s) => s.includes('nknown field'));
    expect(lines.length, 'console lines about unknown fields').to.equal(1);
    expect(lines[0]).to.match(
      /^policy-explainer: 80,000 unknown fields are ignored; the first 20: \/merchant\/extra0, /,
    );
    // The cost was in the console itself (2 s, 6.4 s with DevTools open), which a stub does not
    // show: the number of lines is what is bounded.
    expect(lines[0]).to.contain('/merchant/extra19').and.not.contain('/merchant/extra20');
  });

  it('a few unknown keys are each given, with their hints', async () => {
    const warn = sinon.stub(console, 'warn');
    const policy = policyFull();
    policy.merchant.timezone = 'Europe/Paris';
    await fixture(html`<policy-returns lang="en" .policy=${policy}></policy-returns>`);
    const lines = warn
      .getCalls()
      .map((c) => String(c.args[0]))
      .filter((s) => s.includes('nknown field'));
    expect(lines).to.have.length(1);
    expect(lines[0]).to.contain('/merchant/timezone').and.contain('did you mean "timeZone"?');
  });
});

describe('a polluted Object.prototype', () => {
  const proto = Object.prototype as Json;
  afterEach(() => {
    for (const key of ['fees', 'padding', 'holidays', 'policyUrl']) delete proto[key];
    sinon.restore();
  });

  it('a rejected file without a link: the fallback has no link, not Object.prototype.policyUrl', async () => {
    sinon.stub(console, 'error');
    const el = document.createElement('policy-returns') as PolicyElement;
    el.lang = 'en';
    el.policy = { version: 2, merchant: { timeZone: 'Europe/Paris' } };
    const failed = nextEvent(el, 'policy-error');
    proto.policyUrl = 'https://evil.example/phish';
    (await fixture(html`<div></div>`)).append(el);
    await failed;
    delete proto.policyUrl;
    expect(part(el, 'fallback')).to.exist;
    expect(part(el, 'link')).to.equal(null);
  });

  it('fees, padding and holidays on Object.prototype change neither the returns nor the dates', async () => {
    const policy = policyFull();
    delete policy.returns.fees;
    const clock = clockAt('2026-03-02T10:00:00+01:00');
    const clean = await fixture<PolicyElement>(
      html`<policy-delivery-window lang="en" .policy=${policyFull()}></policy-delivery-window>`,
    );
    const cleanDates = timesOf(clean);
    Object.assign(proto, {
      fees: 'free',
      padding: { min: 0, max: 0 },
      holidays: ['2026-03-03', '2026-03-04', '2026-03-05'],
    });
    const returns = await fixture<PolicyElement>(html`<policy-returns lang="en" .policy=${policy}></policy-returns>`);
    const delivery = await fixture<PolicyElement>(
      html`<policy-delivery-window lang="en" .policy=${policyFull()}></policy-delivery-window>`,
    );
    const [returnsText, dates] = [textOf(returns), timesOf(delivery)];
    for (const key of ['fees', 'padding', 'holidays']) delete proto[key];
    clock.restore();
    expect(returnsText).not.to.contain('Free returns');
    expect(dates).to.deep.equal(cleanDates);
  });
});

const DIST = '/dist/policy-explainer.js';
async function expectBuilt() {
  const head = await fetch(DIST, { method: 'HEAD' });
  expect(head.ok, `${DIST} is missing: run \`npm run build\` first`).to.equal(true);
}

type PageWindow = Window & { __errors: string[]; __events: [string, string][]; eval: (s: string) => unknown };

/** A fresh page in an iframe with the built bundle, its errors and the elements' events recorded. */
async function bundlePage() {
  const iframe = document.createElement('iframe');
  iframe.srcdoc = `<!doctype html><html lang="en"><head>
    <script>
      window.__errors = [];
      window.__events = [];
      addEventListener('error', (e) => __errors.push(e.message));
      addEventListener('unhandledrejection', (e) => __errors.push(String(e.reason)));
      for (const type of ['policy-ready', 'policy-error']) {
        addEventListener(type, (e) => __events.push([type, JSON.stringify(e.detail)]), true);
      }
    </script><script type="module" src="${DIST}"></script></head><body></body></html>`;
  const loaded = new Promise((done) => iframe.addEventListener('load', done, { once: true }));
  document.body.append(iframe);
  await loaded;
  const win = iframe.contentWindow as PageWindow;
  // The embed loads an element's code when its tag appears: the summary's (with the four elements
  // it shows) is asked for at once, before any built-in is broken.
  win.eval(`import('${DIST}').then((embed) => {
    const box = document.createElement('div');
    box.innerHTML = '<policy-summary></policy-summary>';
    embed.discover(box);
  })`);
  await until(() => !!win.customElements.get('policy-summary'), 'the bundle');
  return { iframe, win };
}

describe('built-ins broken after the bundle loaded', () => {
  let iframe: HTMLIFrameElement | undefined;
  afterEach(() => iframe?.remove());

  const NOW = '2026-12-22T13:00:00+01:00';
  const TAMPERS = {
    'Array.prototype.map = () => []': 'Array.prototype.map = () => [];',
    'Array.prototype.map throws': 'Array.prototype.map = () => { throw new Error("map broke"); };',
    'String.prototype.split throws': 'String.prototype.split = () => { throw new Error("split broke"); };',
    'Set.prototype.has = () => false': 'Set.prototype.has = () => false;',
    'Array.prototype.sort reverses': 'Array.prototype.sort = function () { return this.reverse(); };',
  };

  for (const [what, tamper] of Object.entries(TAMPERS)) {
    it(`${what}: the right dates or the fallback with policy-error, never blank, never a wrong date`, async () => {
      await expectBuilt();
      ({ iframe } = await bundlePage());
      const win = iframe.contentWindow as PageWindow;
      // The page's clock, pinned: the elements read Date.now().
      win.eval(`Date.now = () => ${Date.parse(NOW)};`);
      // The right dates, from a clean render on the same page.
      const clean = win.document.createElement('policy-delivery-window') as PolicyElement;
      Object.assign(clean, { lang: 'en', policy: policyFull() });
      win.document.body.append(clean);
      await until(() => timesOf(clean).length === 2, 'the clean dates');
      const right = timesOf(clean);
      clean.remove();
      win.__events.length = 0;

      win.eval(tamper);
      for (const tag of ['policy-delivery-window', 'policy-summary', 'policy-returns']) {
        const el = win.document.createElement(tag) as PolicyElement;
        Object.assign(el, { lang: 'en', policy: policyFull() });
        win.document.body.append(el);
      }
      await new Promise((done) => setTimeout(done, 300));
      // Copied with this page's Array: the iframe's may be the one broken.
      const events: [string, string][] = Array.from(win.__events, ([type, detail]) => [type, detail]);
      const shown = [...win.document.querySelectorAll('policy-delivery-window, policy-summary, policy-returns')].map(
        (el) => ({
          tag: el.localName,
          text: textOf(el),
          fallback: !!part(el, 'fallback'),
          dates: timesOf(el),
        }),
      );
      const delivery = shown[0]!;
      // Never blank: what it shows is the dates or the fallback.
      for (const s of shown) expect(s.text || (s.fallback ? 'fallback' : ''), `${s.tag} is blank`).not.to.equal('');
      expect(
        delivery.dates.length === 0 || JSON.stringify(delivery.dates) === JSON.stringify(right),
        `dates ${JSON.stringify(delivery.dates)}`,
      ).to.equal(true);
      // A ready event tells the right dates; a fallback comes with an error event.
      for (const [type, detail = ''] of events) {
        if (type === 'policy-ready' && detail.includes('"method":"standard"'))
          expect(detail).to.contain(right[0]).and.contain(right[1]);
      }
      if (delivery.fallback)
        expect(
          events.some(([type]) => type === 'policy-error'),
          'a policy-error',
        ).to.equal(true);
      expect(win.__errors, 'errors that reached the page').to.deep.equal([]);
    });
  }

  it('a page that answers every policy-ready by changing lang (an endless update loop that hung the tab): bounded, then the fallback', async () => {
    sinon.stub(console, 'error');
    try {
      // The kiosk's policy-ready names its language: each change of lang is a new event.
      const el = document.createElement('policy-kiosk') as PolicyElement;
      el.policy = policyFull();
      let readies = 0;
      // Each change of language shows new words, hence a new policy-ready, hence a change.
      el.addEventListener('policy-ready', () => {
        readies++;
        el.lang = el.lang === 'fr' ? 'es' : 'fr';
      });
      const failed = nextEvent<{ issues: Issue[] }>(el, 'policy-error');
      const start = performance.now();
      (await fixture(html`<div></div>`)).append(el);
      const { detail } = await failed;
      expect(performance.now() - start).to.be.below(3000);
      expect(readies).to.be.below(1000);
      expect(detail.issues[0]!.message).to.match(/updated \d+ times in a row/);
      await settle();
      expect(part(el, 'fallback')).to.exist;
    } finally {
      sinon.restore();
    }
  });
});

describe('an element created in the page and appended to an iframe’s document', () => {
  let iframe: HTMLIFrameElement | undefined;
  afterEach(() => iframe?.remove());

  it('renders there, styled, still its own class, with no error (threw NotAllowedError: adoptedStyleSheets across documents; Firefox dropped its prototype)', async () => {
    iframe = document.createElement('iframe');
    iframe.srcdoc = '<!doctype html><html lang="es"><body></body></html>';
    const loaded = new Promise((done) => iframe!.addEventListener('load', done, { once: true }));
    document.body.append(iframe);
    await loaded;
    const errors: string[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.message);
    const onRejection = (e: PromiseRejectionEvent) => errors.push(String(e.reason));
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    const clock = clockAt('2026-03-02T10:00:00+01:00');
    try {
      const el = document.createElement('policy-delivery-window') as PolicyElement;
      el.policy = policyFull();
      el.lang = 'en';
      const ready = nextEvent(el, 'policy-ready');
      iframe.contentDocument!.body.append(el);
      await ready;
      await settle();
      expect(errors).to.deep.equal([]);
      expect(timesOf(el)).to.have.length(2);
      expect(textOf(el)).to.contain('Estimated delivery');
      // The element's styles apply in the iframe: the window line is bold.
      expect(iframe.contentWindow!.getComputedStyle(part(el, 'window')!).fontWeight, 'in the iframe').to.equal('600');

      // Moved back to the page, and into the iframe again: still styled.
      document.body.append(el);
      await settle();
      expect(getComputedStyle(part(el, 'window')!).fontWeight, 'back in the page').to.equal('600');
      iframe.contentDocument!.body.append(el);
      await settle();
      expect(iframe.contentWindow!.getComputedStyle(part(el, 'window')!).fontWeight, 'in the iframe again').to.equal(
        '600',
      );
      // Still its own class there (Firefox gives an adopted element the iframe's bare HTMLElement
      // prototype): a property the page sets is taken, and the element shows that method's dates.
      expect(el, 'its class').to.be.instanceOf(customElements.get('policy-delivery-window')!);
      const before = timesOf(el).join();
      (el as PolicyElement & { method?: string }).method = 'home-delivery';
      await settle();
      expect(timesOf(el)).to.have.length(2);
      expect(timesOf(el).join(), 'the dates of the method set').not.to.equal(before);
      el.remove();
      expect(errors).to.deep.equal([]);
    } finally {
      clock.restore();
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    }
  });
});

describe('the bundle loaded twice under Trusted Types restricted to "lit-html"', () => {
  let iframe: HTMLIFrameElement | undefined;
  afterEach(() => iframe?.remove());

  it('tests/fixtures/pages/strict-twice.html (production twice, then the dev build): renders with 0 violations', async () => {
    await expectBuilt();
    iframe = Object.assign(document.createElement('iframe'), {
      src: '/tests/fixtures/pages/strict-twice.html',
      width: '800',
      height: '800',
    });
    const loaded = new Promise((done) => iframe!.addEventListener('load', done, { once: true }));
    document.body.append(iframe);
    await loaded;
    const win = iframe.contentWindow as Window & { cspViolations?: string[]; pageErrors?: string[] };
    const doc = iframe.contentDocument!;
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).to.contain(
      'trusted-types lit-html;',
    );
    const delivery = doc.querySelector('policy-delivery-window')!;
    const returns = doc.querySelector('policy-returns')!;
    await until(
      () => timesOf(delivery).length === 2 && !!returns.shadowRoot?.textContent?.includes('Free returns'),
      'the elements',
    );
    // Every copy has run by now (module scripts run in order, before load).
    await new Promise((done) => setTimeout(done, 200));
    expect(win.cspViolations, 'violations').to.deep.equal([]);
    expect(win.pageErrors, 'errors').to.deep.equal([]);
    // The policy is really in force: a second "lit-html" policy would be refused. Only where the
    // engine has Trusted Types (Firefox ESR 140 has none, and calling it threw for that alone).
    const { trustedTypes } = win as unknown as {
      trustedTypes?: { createPolicy: (name: string, rules: object) => unknown };
    };
    if (trustedTypes) expect(() => trustedTypes.createPolicy('lit-html', {})).to.throw(/lit-html/);
  });
});
