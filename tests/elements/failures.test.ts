/**
 * The failure matrix: every way the policy can fail to arrive or to make sense. For each row, what
 * the shopper sees (a polite fallback in their language, the full-policy link when there is one,
 * and never a date: no <time>) and what the developer gets (one `policy-error` event with the JSON
 * Pointer path and a plain message, and exactly one console.error). Server answers come from the
 * test routes in web-test-runner.config.mjs (/__test/…).
 */
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import en from '../../locales/en.json' with { type: 'json' };
import es from '../../locales/es.json' with { type: 'json' };
import fr from '../../locales/fr.json' with { type: 'json' };
import '../../src/define/index.js';
import { addStrings, type PolicyElement } from '../../src/index.js';
import unclosedFr from '../fixtures/locales-broken/direction-unclosed/fr.json' with { type: 'json' };
import { addPageStrings } from '../../src/elements/localize.js';
import { fetchLimits } from '../../src/elements/policy-source.js';
import { nextEvent, part, policyFull, textOf, timesOf } from './helpers.js';

type Issue = { path: string; message: string };
type Lang = 'en' | 'fr' | 'es';
const strings = { en, fr, es };
const FULL_POLICY_URL = 'https://maison-dupont.example/conditions-generales-de-vente';

const served = (body: string, type = 'application/json') => URL.createObjectURL(new Blob([body], { type }));
const settle = () => new Promise((done) => setTimeout(done, 50));

interface Row {
  name: string;
  /** What the element is given. */
  give: { policy?: unknown; src?: string | (() => string); inline?: string; attrs?: Record<string, string> };
  tag?: 'policy-delivery-window' | 'policy-returns' | 'policy-cancellation';
  lang: Lang;
  path: string;
  message: RegExp;
  /** Whether the shopper gets the link to the full policy. */
  link: boolean;
  /** The shopper's sentence, when it is not the generic fallback. */
  says?: (lang: Lang) => string;
}

const withVersion2 = () => ({ ...policyFull(), version: 2 });
const invalid = () => {
  const p = policyFull();
  p.delivery.methods[0].transitDays = { min: 5, max: 3 };
  return p;
};
const noReturns = () => {
  const p = policyFull();
  delete p.returns;
  return p;
};

const ROWS: Row[] = [
  {
    name: 'a file that is not JSON (src)',
    give: { src: () => served('{"version": 1,') },
    lang: 'fr',
    path: '',
    message: /is not valid JSON/,
    link: false,
  },
  {
    name: 'an inline script that is not JSON',
    give: { inline: '{ version: 1 }' },
    lang: 'es',
    path: '',
    message: /inline <script type="application\/json"> is not valid JSON/,
    link: false,
  },
  {
    name: 'an invalid policy (transit 5–3)',
    give: { policy: invalid() },
    lang: 'fr',
    path: '/delivery/methods/0/transitDays/max',
    message: /^Must not be less than min \(5\) \(found 3\)\.$/,
    link: true,
  },
  {
    name: 'version 2',
    give: { policy: withVersion2() },
    lang: 'en',
    path: '/version',
    message: /^Must be 1: this reader knows version 1/,
    link: true,
  },
  {
    name: 'version 2, fetched',
    give: { src: () => served(JSON.stringify(withVersion2())) },
    lang: 'es',
    path: '/version',
    message: /Must be 1/,
    link: true,
  },
  {
    name: 'an unknown method',
    give: { policy: policyFull(), attrs: { method: 'drone' } },
    lang: 'fr',
    path: '/delivery/methods',
    message: /No delivery method has the id "drone" \(the policy has "standard", "home-delivery"\)\./,
    link: true,
  },
  {
    name: 'a country no method serves',
    give: { policy: policyFull(), attrs: { country: 'JP' } },
    lang: 'en',
    path: '/delivery/methods',
    message: /^No delivery method serves the country "JP"\.$/,
    link: true,
  },
  {
    name: 'a section missing (returns)',
    tag: 'policy-returns',
    give: { policy: noReturns() },
    lang: 'es',
    path: '/returns',
    message: /The policy has no "returns" section\./,
    link: true,
    says: (lang) => strings[lang].returns.missing,
  },
  {
    name: 'fetch 404',
    give: { src: '/__test/status/404' },
    lang: 'en',
    path: '',
    message: /could not be fetched: the server answered 404\./,
    link: false,
  },
  {
    name: 'fetch 500 (with a JSON body)',
    give: { src: '/__test/status/500' },
    lang: 'fr',
    path: '',
    message: /could not be fetched: the server answered 500\./,
    link: false,
  },
  {
    name: 'a web page served instead (200 text/html)',
    give: { src: '/__test/html' },
    lang: 'en',
    path: '',
    message:
      /came as text\/html, not JSON: the address leads to a web page, not to the policy file\. Serve the file as application\/json\./,
    link: false,
  },
  {
    name: 'a valid policy served as text/html',
    give: { src: () => served(JSON.stringify(policyFull()), 'text/html') },
    lang: 'es',
    path: '',
    message: /came as text\/html, not JSON/,
    link: false,
  },
  {
    name: '10 MB with its Content-Length',
    give: { src: '/__test/huge' },
    lang: 'fr',
    path: '',
    message: /is larger than 1 MB \(1000000 bytes\); a policy file is a few kilobytes\./,
    link: false,
  },
  {
    name: '10 MB chunked, with no Content-Length',
    give: { src: '/__test/huge?chunked' },
    lang: 'en',
    path: '',
    message: /is larger than 1 MB/,
    link: false,
  },
  {
    name: 'a cancellation policy that is not JSON',
    tag: 'policy-cancellation',
    give: { src: () => served('') },
    lang: 'en',
    path: '',
    message: /not valid JSON/,
    link: false,
  },
];

/** Sets the element up as the row says, and resolves with its policy-error issues. */
async function run(row: Row) {
  const el = document.createElement(row.tag ?? 'policy-delivery-window') as PolicyElement;
  el.lang = row.lang;
  for (const [name, value] of Object.entries(row.give.attrs ?? {})) el.setAttribute(name, value);
  const failed = nextEvent<{ issues: Issue[] }>(el, 'policy-error');
  if (row.give.policy) el.policy = row.give.policy;
  if (row.give.inline !== undefined) el.innerHTML = `<script type="application/json">${row.give.inline}</script>`;
  if (row.give.src) el.src = typeof row.give.src === 'function' ? row.give.src() : row.give.src;
  (await fixture(html`<div></div>`)).append(el);
  const { detail } = await failed;
  await settle();
  await el.updateComplete;
  return { el, issues: detail.issues };
}

/** The shopper's view of a failure: the message, the link or none, and never a date. */
function expectFallback(el: Element, lang: Lang, link: boolean, says?: string) {
  const { common, fallback: topics } = strings[lang];
  const fallback = part(el, 'fallback');
  expect(fallback, 'the fallback is shown').to.exist;
  expect(fallback!.getAttribute('role')).to.equal('note');
  // Each element's fallback names its topic (delivery, returns…).
  const topic = (
    {
      'policy-delivery-window': 'delivery',
      'policy-returns': 'returns',
      'policy-cancellation': 'cancellation',
    } as const
  )[el.localName as 'policy-delivery-window'];
  expect(textOf(el)).to.contain((says ?? topics[`${topic}${link ? '' : 'NoLink'}`]).replace(/\s+/g, ' '));
  expect(timesOf(el), 'no date').to.deep.equal([]);
  for (const name of ['window', 'days', 'countdown', 'headline', 'deadline', 'free', 'fee', 'loading'])
    expect(part(el, name), name).to.equal(null);
  const a = part(el, 'link') as HTMLAnchorElement | null;
  if (link) {
    expect(a!.href).to.equal(FULL_POLICY_URL);
    expect(a!.textContent).to.equal(common.policyLink);
    expect(a!.rel).to.equal('noopener noreferrer');
  } else expect(el.shadowRoot!.querySelector('a')).to.equal(null);
}

describe('the failure matrix', () => {
  let error: sinon.SinonStub;
  beforeEach(() => {
    error = sinon.stub(console, 'error');
    sinon.stub(console, 'warn');
  });
  afterEach(() => sinon.restore());

  /** The developer's view: one event with the path and a plain message, one console.error naming them. */
  function expectReported(issues: Issue[], path: string, message: RegExp) {
    expect(issues).to.have.length(1);
    expect(issues[0]!.path).to.equal(path);
    expect(issues[0]!.message).to.match(message);
    expect(issues[0]!.message).to.match(/^[A-Z"].*[.]$/s);
    expect(error.callCount, 'console.error calls').to.equal(1);
    expect(String(error.firstCall.args[0])).to.contain(issues[0]!.message);
  }

  for (const row of ROWS) {
    it(`${row.name}: ${row.link ? 'fallback with the policy link' : 'fallback'} in ${row.lang}; policy-error at ${row.path || '(the whole file)'}`, async () => {
      const { el, issues } = await run(row);
      expectFallback(el, row.lang, row.link, row.says?.(row.lang));
      expectReported(issues, row.path, row.message);
    });
  }

  it('offline (fetch rejects with a TypeError): the fallback, and a message that names the network', async () => {
    sinon.stub(window, 'fetch').rejects(new TypeError('Failed to fetch'));
    const { el, issues } = await run({
      name: '',
      give: { src: '/offline.json' },
      lang: 'fr',
      path: '',
      message: /./,
      link: false,
    });
    expectFallback(el, 'fr', false);
    expectReported(
      issues,
      '',
      /^The policy at .*\/offline\.json could not be fetched \(Failed to fetch\); the network may be off\.$/,
    );
  });

  it('a timeout: loading for 10 s at most, then the fallback (a fetch that never answers)', async () => {
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    sinon.stub(window, 'fetch').returns(new Promise<Response>(() => {}));
    const el = document.createElement('policy-delivery-window');
    el.lang = 'en';
    let issues: Issue[] | undefined;
    el.addEventListener('policy-error', (e) => (issues = (e as CustomEvent<{ issues: Issue[] }>).detail.issues));
    el.src = '/never.json';
    (await fixture(html`<div></div>`)).append(el);
    await el.updateComplete;
    await clock.tickAsync(9_999);
    expect(part(el, 'loading'), 'still loading at 9.999 s').to.exist;
    expect(issues).to.equal(undefined);
    await clock.tickAsync(1);
    await el.updateComplete;
    expectFallback(el, 'en', false);
    expectReported(issues!, '', /^The policy at .*\/never\.json did not arrive within 10 s\.$/);
  });

  it('a timeout over the real network (the limit lowered to 0.3 s): the request is given up', async () => {
    const before = fetchLimits.timeoutMs;
    fetchLimits.timeoutMs = 300;
    try {
      const started = performance.now();
      const { el, issues } = await run({
        name: '',
        give: { src: '/__test/slow?ms=3000&file=/tests/fixtures/examples/policy-full.json' },
        lang: 'es',
        path: '',
        message: /./,
        link: false,
      });
      expect(performance.now() - started).to.be.below(2000);
      expectFallback(el, 'es', false);
      expectReported(issues, '', /did not arrive within 0\.3 s\./);
    } finally {
      fetchLimits.timeoutMs = before;
    }
  });

  it('accepts JSON sent as application/json, text/plain, application/ld+json or with no type', async () => {
    for (const type of ['application/json; charset=utf-8', 'text/plain', 'application/ld+json', '']) {
      const el = document.createElement('policy-delivery-window');
      const ready = nextEvent(el, 'policy-ready');
      el.src = served(JSON.stringify(policyFull()), type);
      (await fixture(html`<div></div>`)).append(el);
      await ready;
      expect(timesOf(el), type).to.have.length(2);
    }
    expect(error.callCount).to.equal(0);
  });

  it('recovers when src changes to a good policy after a failure', async () => {
    const { el } = await run({
      name: '',
      give: { src: '/__test/status/500' },
      lang: 'en',
      path: '',
      message: /./,
      link: false,
    });
    const ready = nextEvent<{ quote: unknown }>(el, 'policy-ready');
    el.src = served(JSON.stringify(policyFull()));
    expect((await ready).detail.quote).to.exist;
    await el.updateComplete;
    expect(part(el, 'fallback')).to.equal(null);
    expect(timesOf(el)).to.have.length(2);
    expect(textOf(el)).to.contain('Estimated delivery between');
    expect(error.callCount, 'no new console.error').to.equal(1);
  });

  it('ignores the late answer of a src that has since changed', async () => {
    const el = await fixture<PolicyElement>(
      html`<policy-delivery-window lang="en" src="/__test/slow?ms=300&file=/tests/fixtures/bad/version-2.json"></policy-delivery-window>`,
    );
    const ready = nextEvent(el, 'policy-ready');
    el.src = served(JSON.stringify(policyFull()));
    await ready;
    let failed = false;
    el.addEventListener('policy-error', () => (failed = true));
    await new Promise((done) => setTimeout(done, 600));
    await el.updateComplete;
    expect(failed).to.equal(false);
    expect(timesOf(el)).to.have.length(2);
    expect(error.callCount).to.equal(0);
  });
});

describe('broken locale strings: the shopper still reads a whole, true sentence', () => {
  let error: sinon.SinonStub;
  beforeEach(() => {
    error = sinon.stub(console, 'error');
    sinon.stub(console, 'warn');
  });
  afterEach(() => {
    sinon.restore();
    // Whatever a test did, the bundled strings come back.
    addStrings('en', en, { replace: true });
    addStrings('fr', fr, { replace: true });
    addStrings('es', es, { replace: true });
  });

  const render = (lang: string) =>
    fixture<PolicyElement>(
      html`<policy-delivery-window lang=${lang} .policy=${policyFull()}></policy-delivery-window>`,
    );

  /** A whole window sentence: both dates, no raw key, no object or number where words belong. */
  function expectWholeSentence(el: Element, start: string) {
    const window = part(el, 'window')!.textContent!.replace(/\s+/g, ' ');
    expect(window.startsWith(start), window).to.equal(true);
    expect(timesOf(el)).to.have.length(2);
    expect(textOf(el)).not.to.match(/\[object Object\]|returned an object|\b(delivery|common)\.[a-z]|oops|\{\{/);
  }

  const errors = () => error.getCalls().map((c) => String(c.args[0]));

  it('a group replaced by a string ({delivery: "oops"}) is left out, with one console.error', async () => {
    addStrings('en', { delivery: 'oops' } as never);
    expectWholeSentence(await render('en'), 'Estimated delivery between');
    expect(errors()).to.have.length(1);
    expect(errors()[0]).to.contain('addStrings("en")').and.contain('delivery: must be a group of keys');
  });

  it('numbers, objects, lists and empty strings where sentences belong are left out; the French stays', async () => {
    addStrings('fr', { delivery: { window: 42, free: { x: 1 }, days_other: ['a'], price: ' ' } } as never);
    const el = await render('fr');
    expectWholeSentence(el, 'Livraison estimée entre le');
    expect(part(el, 'price')!.textContent).to.equal(fr.delivery.free);
    expect(errors()).to.have.length(1);
    for (const key of ['delivery.window', 'delivery.free', 'delivery.days_other', 'delivery.price'])
      expect(errors()[0]).to.contain(key);
  });

  it('a sentence that loses a variable ({{from}}) or adds an unknown one is left out: never half a window', async () => {
    addStrings('fr', {
      delivery: {
        window: 'Livraison avant le {{to}}',
        windowOneDay: 'Livraison le {{date}} {{__proto__}}',
        free: 'Livraison gratuite',
      },
    });
    const el = await render('fr');
    expectWholeSentence(el, 'Livraison estimée entre le');
    expect(part(el, 'price')!.textContent, 'the good string is applied').to.equal('Livraison gratuite');
    expect(errors()).to.have.length(1);
    expect(errors()[0]).to.contain('delivery.window: must use {{from}} {{to}}').and.contain('delivery.windowOneDay');
  });

  it("the translators' check and addStrings refuse the same sentences: a direction control left open", async () => {
    // tests/tools/i18n-check.test.ts reports this very file's two sentences.
    addStrings('fr', unclosedFr);
    const el = await render('fr');
    expect(part(el, 'window')!.textContent).not.to.match(/[\u202A-\u202E\u2066-\u2069]/);
    expect(part(el, 'window')!.textContent).to.contain(fr.delivery.window.split('{{')[0]!.trim());
    expect(errors()).to.have.length(1);
    expect(errors()[0]).to.contain('delivery.window: a direction control (U+2067) is never closed');
    expect(errors()[0]).to.contain('delivery.price: a direction control (U+202E) is never closed');
  });

  it('an unknown key and a language tag that is not one are reported, never thrown', async () => {
    expect(() => addStrings('x-invalid-@@', { delivery: { free: 'x' } })).not.to.throw();
    expect(() => addStrings('en', { delivery: { fre: 'Free!' } })).not.to.throw();
    expect(errors()).to.have.length(2);
    expect(errors()[0]).to.contain('"x-invalid-@@" is not a language tag');
    expect(errors()[1]).to.contain('delivery.fre: no such key');
    expectWholeSentence(await render('en'), 'Estimated delivery between');
  });

  it('a new language with a broken sentence shows English for that sentence only', async () => {
    addStrings('pt', { delivery: { window: 5, free: 'Entrega gratuita' } } as never);
    const el = await render('pt');
    expectWholeSentence(el, 'Estimated delivery between');
    expect(part(el, 'price')!.textContent).to.equal('Entrega gratuita');
    expect(errors()).to.have.length(1);
    addStrings('pt', {}, { replace: true });
  });

  it('replacing English whole (a translator preview) still leaves every sentence, never a raw key', async () => {
    addStrings('en', { delivery: { free: 'Free delivery, always' } }, { replace: true });
    const el = await render('en');
    expectWholeSentence(el, 'Estimated delivery between');
    expect(part(el, 'price')!.textContent).to.equal('Free delivery, always');
    expect(errors()).to.have.length(0);
  });

  for (const [name, json, says] of [
    ['is not JSON', '{"fr": {"delivery": {"free": "Offerte"}', 'not valid JSON'],
    ['is a list, not languages', '["fr"]', 'must be an object of languages'],
    [
      'gives a language a string',
      '{"fr": "oops", "es": {"delivery": {"window": {"a": 1}}}}',
      'fr: the strings: must be a group of keys',
    ],
  ] as const) {
    it(`a data-policy-strings script that ${name}: one console.error, and the bundled sentences`, async () => {
      const script = Object.assign(document.createElement('script'), { type: 'application/json', textContent: json });
      script.dataset.policyStrings = '';
      document.body.append(script);
      try {
        addPageStrings();
      } finally {
        script.remove();
      }
      expectWholeSentence(await render('fr'), 'Livraison estimée entre le');
      expectWholeSentence(await render('es'), 'Entrega estimada entre el');
      expect(errors()).to.have.length(1);
      expect(errors()[0]).to.contain(says);
    });
  }
});
