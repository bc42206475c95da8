/**
 * demo/strict.html loads the built bundle under a strict Content-Security-Policy (same-origin
 * scripts and styles only, no inline code, Trusted Types required). The elements must render
 * there with no violation: a shop with such a policy can use them as they are.
 */
import { expect } from '@open-wc/testing';
import { timesOf } from './helpers.js';

type StrictWindow = Window & { cspViolations?: string[] };

async function until(ready: () => boolean, what: string, ms = 5000) {
  const end = performance.now() + ms;
  while (!ready()) {
    if (performance.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 25));
  }
}

describe('demo/strict.html, under a strict Content-Security-Policy', () => {
  let iframe: HTMLIFrameElement;
  afterEach(() => iframe?.remove());

  it('renders the delivery window and the summary with no violation reported', async () => {
    const dist = await fetch('/dist/policy-explainer.js', { method: 'HEAD' });
    expect(
      dist.ok,
      'dist/policy-explainer.js is missing: run `npm run build` first (npm test builds before the element tests)',
    ).to.equal(true);

    iframe = Object.assign(document.createElement('iframe'), {
      src: '/demo/strict.html',
      width: '800',
      height: '1200',
    });
    const loaded = new Promise((done) => iframe.addEventListener('load', done, { once: true }));
    document.body.append(iframe);
    await loaded;
    const win = iframe.contentWindow as StrictWindow;
    const doc = iframe.contentDocument!;
    const window = doc.querySelector('policy-delivery-window')!;
    const summary = doc.querySelector('policy-summary')!;
    // Every section's element: the delivery section has one per delivery method.
    const sections = () => [
      ...(summary.shadowRoot?.querySelectorAll(
        '[part~="section"] :is(policy-delivery-window, policy-returns, policy-non-refundable, policy-cancellation)',
      ) ?? []),
    ];

    await until(() => timesOf(window).length === 2, 'the delivery window');
    await until(
      () => sections().length === 5 && sections().every((s) => s.shadowRoot?.textContent?.trim()),
      'the summary',
    );
    await new Promise((done) => setTimeout(done, 100));

    // strict.js ran (it is the only listener) and the page says so.
    expect(win.cspViolations, 'violations').to.deep.equal([]);
    expect(doc.getElementById('csp-report')!.textContent).to.equal(
      'No Content-Security-Policy violation on this page.',
    );
    expect(window.shadowRoot!.querySelector('[part~="fallback"]')).to.equal(null);
    expect(window.shadowRoot!.textContent).to.contain('Estimated delivery between');

    // The policy is really in force, else "no violation" would prove nothing.
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).to.contain(
      "require-trusted-types-for 'script'",
    );
    // Trusted Types are enforced wherever the engine has them (Firefox ESR 140 has no
    // `trustedTypes` and ignores the directive): a TypeError, worded by each engine its own way;
    // the page keeps its body.
    const trustedTypes = 'trustedTypes' in win;
    if (trustedTypes) {
      expect(() => {
        doc.body.innerHTML = '<p>HTML without Trusted Types</p>';
      })
        .to.throw()
        .with.property('name', 'TypeError');
      expect(doc.body.innerHTML).not.to.contain('HTML without Trusted Types');
    }
    // The rest of the policy, in every engine: an inline style is refused and reported.
    const inline = doc.createElement('style');
    inline.textContent = 'h1 { color: rgb(255, 0, 0) }';
    doc.head.append(inline);
    const probes = trustedTypes ? 2 : 1;
    await until(() => (win.cspViolations?.length ?? 0) >= probes, 'the violations of the probes');
    expect(getComputedStyle(doc.querySelector('h1')!).color).not.to.equal('rgb(255, 0, 0)');
    const violations = win.cspViolations!.join('\n');
    expect(violations).to.match(/style-src-elem blocked inline/);
    if (trustedTypes) expect(violations).to.match(/require-trusted-types-for/);
  });
});
