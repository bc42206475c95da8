/**
 * The elements never break the page that hosts them: no exception reaches the page's scripts,
 * the bundle adds no global of its own, the page's i18next is left as it was, and a page that
 * loads the bundle twice keeps working.
 */
import { expect, fixture, html } from '@open-wc/testing';
import i18next from 'i18next';
import sinon from 'sinon';
import en from '../../locales/en.json' with { type: 'json' };
import fr from '../../locales/fr.json' with { type: 'json' };
import '../../src/define/index.js';
import { addStrings, type PolicyElement } from '../../src/index.js';
import { nextEvent, part, policyFull, textOf, timesOf } from './helpers.js';

type Issue = { path: string; message: string };

/** Lit's own markers, which every copy of Lit on a page shares (they let Lit warn about duplicates). */
const LIT_GLOBALS = ['litElementVersions', 'litHtmlVersions', 'litPropertyMetadata', 'reactiveElementVersions'];

const DIST = '/dist/policy-explainer.js';
async function expectBuilt() {
  const head = await fetch(DIST, { method: 'HEAD' });
  expect(
    head.ok,
    `${DIST} is missing: run \`npm run build\` first (npm test builds before the element tests)`,
  ).to.equal(true);
}

/** A fresh page in an iframe; `window.__errors` collects its uncaught errors and rejections from the start. */
async function page(body: string, head = '') {
  const iframe = document.createElement('iframe');
  iframe.srcdoc = `<!doctype html><html lang="en"><head>
    <script>
      window.__before = Object.getOwnPropertyNames(window);
      window.__errors = [];
      addEventListener('error', (e) => __errors.push(e.message));
      addEventListener('unhandledrejection', (e) => __errors.push(String(e.reason)));
    </script>${head}</head><body>${body}</body></html>`;
  const loaded = new Promise((done) => iframe.addEventListener('load', done, { once: true }));
  document.body.append(iframe);
  await loaded;
  return { iframe, win: iframe.contentWindow as Window & { __before: string[]; __errors: string[] } };
}

async function until(ready: () => boolean, what: string, ms = 4000) {
  const end = performance.now() + ms;
  while (!ready()) {
    if (performance.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 25));
  }
}

const inlinePolicy = `<script type="application/json">${JSON.stringify(policyFull())}</script>`;

describe('an exception inside an element never reaches the page', () => {
  const seen: string[] = [];
  const onError = (e: ErrorEvent) => seen.push(`error: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) => seen.push(`unhandledrejection: ${String(e.reason)}`);
  let error: sinon.SinonStub;
  beforeEach(() => {
    seen.length = 0;
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    error = sinon.stub(console, 'error');
    sinon.stub(console, 'warn');
  });
  afterEach(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    sinon.restore();
  });

  /** Renders with `setup`, lets every task run, and returns the element and its policy-error issues. */
  async function failing(setup: (el: PolicyElement) => void, tag = 'policy-delivery-window') {
    const el = document.createElement(tag) as PolicyElement;
    el.lang = 'en';
    const failed = nextEvent<{ issues: Issue[] }>(el, 'policy-error');
    setup(el);
    (await fixture(html`<div></div>`)).append(el);
    const { detail } = await failed;
    await new Promise((done) => setTimeout(done, 50));
    expect(seen, 'errors that reached the page').to.deep.equal([]);
    expect(timesOf(el)).to.deep.equal([]);
    expect(part(el, 'fallback')).to.exist;
    expect(error.callCount).to.equal(1);
    return { el, issues: detail.issues };
  }

  it('a policy whose getter throws: the fallback and a policy-error, nothing thrown', async () => {
    const { issues } = await failing((el) => {
      el.policy = {
        version: 1,
        get merchant(): never {
          throw new Error('merchant getter failed');
        },
      };
    });
    expect(issues).to.deep.equal([{ path: '', message: 'The policy could not be read: merchant getter failed.' }]);
  });

  it('a Proxy policy whose traps throw', async () => {
    const trap = () => {
      throw new TypeError('trap failed');
    };
    const { issues } = await failing(
      (el) => (el.policy = new Proxy({}, { ownKeys: trap, get: trap, getOwnPropertyDescriptor: trap })),
    );
    expect(issues[0]!.message).to.contain('trap failed');
  });

  it('a page whose fetch throws synchronously (a broken polyfill)', async () => {
    sinon.stub(window, 'fetch').throws(new Error('polyfill broke'));
    const { issues } = await failing((el) => (el.src = '/policy.json'));
    expect(issues[0]!.message).to.match(/could not be fetched \(polyfill broke\)/);
  });

  it('a src that is not a URL', async () => {
    const { issues } = await failing((el) => (el.src = 'http://[::1'));
    // The engine's own words for it ("Invalid URL" in Chromium, "is not a valid URL" in Firefox).
    let refusal = '';
    try {
      new URL('http://[::1', document.baseURI);
    } catch (e) {
      refusal = (e as Error).message;
    }
    expect(refusal).not.to.equal('');
    expect(issues[0]!.message).to.contain(refusal);
  });

  it('Intl failing while the dates are formatted: the fallback with the policy link', async () => {
    sinon.stub(Intl.DateTimeFormat.prototype, 'formatRangeToParts').throws(new RangeError('Simulated Intl failure'));
    const { el, issues } = await failing((el) => (el.policy = policyFull()));
    expect(issues).to.deep.equal([{ path: '', message: 'RangeError: Simulated Intl failure' }]);
    expect(textOf(el)).to.contain(en.fallback.delivery);
    expect((part(el, 'link') as HTMLAnchorElement).href).to.match(/^https:/);
  });

  it('a return deadline whose formatting throws (Intl.DateTimeFormat)', async () => {
    sinon.stub(Intl.DateTimeFormat.prototype, 'formatToParts').throws(new RangeError('Simulated Intl failure'));
    await failing((el) => {
      el.setAttribute('delivered-on', '2026-03-09');
      el.policy = policyFull();
    }, 'policy-returns');
  });

  it('a lang that is not a language tag ("x-invalid-@@") reads English, with no error at all', async () => {
    const el = await fixture<PolicyElement>(
      html`<policy-delivery-window lang="x-invalid-@@" .policy=${policyFull()}></policy-delivery-window>`,
    );
    await new Promise((done) => setTimeout(done, 50));
    expect(textOf(el)).to.contain('Estimated delivery between');
    expect(timesOf(el)).to.have.length(2);
    expect(seen).to.deep.equal([]);
    expect(error.callCount).to.equal(0);
  });
});

describe('the built bundle on a page', () => {
  let iframe: HTMLIFrameElement | undefined;
  afterEach(() => iframe?.remove());

  it('adds no global of its own (only Lit’s shared version markers)', async () => {
    await expectBuilt();
    const made = await page(
      `<policy-returns>${inlinePolicy}</policy-returns>`,
      `<script type="module" src="${DIST}"></script>`,
    );
    iframe = made.iframe;
    const { win } = made;
    await until(
      () => !!win.document.querySelector('policy-returns')!.shadowRoot?.textContent?.includes('Free returns'),
      'the element',
    );
    const added = Object.getOwnPropertyNames(win).filter(
      (k) => !win.__before.includes(k) && !['__before', '__errors'].includes(k),
    );
    expect(added.sort()).to.deep.equal(LIT_GLOBALS);
    expect(win.__errors).to.deep.equal([]);
  });

  it('loaded twice (two URLs, so two module instances), throws nothing and the elements still work', async () => {
    await expectBuilt();
    const made = await page(
      `<policy-returns lang="fr">${inlinePolicy}</policy-returns><policy-delivery-window lang="es">${inlinePolicy}</policy-delivery-window>`,
      `<script type="module" src="${DIST}?copy=1"></script><script type="module" src="${DIST}?copy=2"></script>`,
    );
    iframe = made.iframe;
    const { win } = made;
    const returns = win.document.querySelector('policy-returns')!;
    const delivery = win.document.querySelector('policy-delivery-window')!;
    await until(() => timesOf(delivery).length === 2 && !!returns.shadowRoot?.textContent?.trim(), 'the elements');
    expect(returns.shadowRoot!.textContent).to.contain('Retours gratuits');
    expect(delivery.shadowRoot!.textContent).to.contain('Entrega estimada');
    expect(win.__errors).to.deep.equal([]);
    // A third copy imported later defines nothing again and throws nothing either.
    await (win as unknown as { eval: (s: string) => Promise<unknown> }).eval(`import('${DIST}?copy=3')`);
    expect(win.__errors).to.deep.equal([]);
  });
});

describe("the page's own i18next", () => {
  const PAGE_RESOURCES = {
    de: { translation: { greeting: 'Hallo' } },
    fr: { translation: { greeting: 'Bonjour', delivery: { window: 'PAGE: {{from}} – {{to}}' } } },
  };

  before(async () => {
    await i18next.init({ lng: 'de', fallbackLng: 'de', resources: structuredClone(PAGE_RESOURCES) });
  });
  afterEach(() => addStrings('fr', fr, { replace: true }));

  it('is untouched by the elements: same language, same strings, none of the elements’ strings', async () => {
    const before = { language: i18next.language, store: JSON.stringify(i18next.store.data) };
    const el = await fixture<PolicyElement>(
      html`<policy-delivery-window lang="fr" .policy=${policyFull()}></policy-delivery-window>`,
    );
    const returns = await fixture<PolicyElement>(
      html`<policy-returns lang="es" .policy=${policyFull()}></policy-returns>`,
    );
    addStrings('fr', { delivery: { free: 'Livraison offerte, toujours' } });
    await el.updateComplete;

    // The elements use their own strings, never the page's ("PAGE: …").
    expect(part(el, 'window')!.textContent).to.match(/^Livraison estimée entre le/);
    expect(part(el, 'price')!.textContent).to.equal('Livraison offerte, toujours');
    expect(textOf(returns)).to.contain('Devoluciones gratuitas');

    expect(i18next.language).to.equal(before.language);
    expect(JSON.stringify(i18next.store.data)).to.equal(before.store);
    expect(i18next.t('greeting')).to.equal('Hallo');
    expect(i18next.getFixedT('fr')('delivery.free')).to.equal('delivery.free');
  });

  it("follows its element's lang, not the page's i18next language", async () => {
    await i18next.changeLanguage('fr');
    try {
      const el = await fixture<PolicyElement>(
        html`<policy-delivery-window lang="en" .policy=${policyFull()}></policy-delivery-window>`,
      );
      expect(part(el, 'window')!.textContent).to.match(/^Estimated delivery between/);
      expect(i18next.language).to.equal('fr');
    } finally {
      await i18next.changeLanguage('de');
    }
  });
});
