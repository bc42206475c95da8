/**
 * The language follows the nearest `lang`, wherever it changes: on an ancestor in the page, or on
 * one inside another component's shadow root (a design system's card, a shop's own widget), and
 * after the element is moved. The clock is pinned (Date only): the dates shown never depend on today.
 */
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define/index.js';
import type { PolicyReturns } from '../../src/index.js';
import { clockAt, part, policyFull } from './helpers.js';

/** Lets the page's mutation observers run, then the element render. */
const settle = async (el: PolicyReturns) => {
  await new Promise((resolve) => setTimeout(resolve));
  await el.updateComplete;
};
const headline = (el: Element) => part(el, 'headline')?.textContent?.trim();
const FR = 'Retours gratuits sous 30 jours';
const ES = 'Devoluciones gratuitas en un plazo de 30 días';
const EN = 'Free returns within 30 days';

/** A component (in `parent`, else in a new fixture) with a shadow root holding `<div lang="es"><policy-returns>`. */
async function insideShadowRoot(parent?: Element) {
  const host = document.createElement('div');
  (parent ?? (await fixture(html`<div></div>`))).append(host);
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = '<div lang="es"><policy-returns></policy-returns></div>';
  const el = root.querySelector('policy-returns')!;
  el.policy = policyFull();
  await settle(el);
  return { host, root, wrapper: root.firstElementChild!, el };
}

describe('the language, wherever lang changes', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = clockAt('2026-03-02T10:00:00+01:00');
  });
  afterEach(() => clock.restore());

  it("follows a lang changed on an ancestor inside another component's shadow root", async () => {
    const { wrapper, el } = await insideShadowRoot();
    expect(headline(el)).to.equal(ES);
    wrapper.setAttribute('lang', 'fr');
    await settle(el);
    expect(headline(el)).to.equal(FR);
  });

  it('two shadow roots deep, follows a lang changed at either level', async () => {
    const outer = await insideShadowRoot();
    const { wrapper, el } = await insideShadowRoot(outer.wrapper);
    wrapper.removeAttribute('lang');
    await settle(el);
    // The nearest lang is now the outer component's.
    expect(headline(el)).to.equal(ES);
    outer.wrapper.setAttribute('lang', 'en');
    await settle(el);
    expect(headline(el)).to.equal(EN);
  });

  it('moved under an ancestor with another lang, speaks that language at once', async () => {
    const page = await fixture(html`<div><div lang="es"></div><div lang="fr"></div></div>`);
    const [es, fr] = [...page.children];
    const el = document.createElement('policy-returns');
    el.policy = policyFull();
    es!.append(el);
    await settle(el);
    expect(headline(el)).to.equal(ES);
    fr!.append(el);
    await el.updateComplete;
    expect(headline(el)).to.equal(FR);
  });

  it('taken out of a shadow root and into the page, follows the page; put back, the shadow root again', async () => {
    const { wrapper, el } = await insideShadowRoot();
    const page = await fixture(html`<div lang="en"></div>`);
    page.append(el);
    await settle(el);
    expect(headline(el)).to.equal(EN);
    wrapper.append(el);
    await settle(el);
    expect(headline(el)).to.equal(ES);
    wrapper.setAttribute('lang', 'fr');
    await settle(el);
    expect(headline(el)).to.equal(FR);
  });
});
