/**
 * Elements that keep time while a page lives for hours: a countdown, a cutoff, the end of a free
 * cancellation or of a return period, the kiosk's idle time. They must stay right when the element
 * is moved, taken out and put back, when the tab was hidden (its timers throttled), and for idle
 * times past setTimeout's limit (2^31 − 1 ms, about 24.8 days). The page's clock is faked and pinned:
 * no test here depends on today or on this machine's zone (every instant has an offset).
 */
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define/index.js';
import {
  quoteDelivery,
  type PolicyCancellation,
  type PolicyDeliveryWindow,
  type PolicyKiosk,
  type PolicyReturns,
} from '../../src/index.js';
import { part, policyEs, policyFull, timesOf } from './helpers.js';

const MINUTE = 60_000;

/** Paris, cutoff 14:00, one or two days in transit. */
const paris = () => ({
  version: 1,
  merchant: { timeZone: 'Europe/Paris' },
  calendar: { businessDays: ['mon', 'tue', 'wed', 'thu', 'fri'], holidays: ['2026-04-06', '2026-05-01'] },
  delivery: { methods: [{ id: 'standard', cutoff: '14:00', transitDays: { min: 1, max: 2 } }] },
  returns: { windowDays: 30 },
});

/** Nothing in it keeps time but the kiosk's idle timer. */
const returnsOnly = () => ({ version: 1, merchant: { timeZone: 'Europe/Paris' }, returns: { windowDays: 30 } });

const text = (el: Element, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim();

describe('keeping time while the page lives', () => {
  let clock: sinon.SinonFakeTimers;
  const at = (instant: string) => {
    clock = sinon.useFakeTimers({ now: new Date(instant), toFake: ['Date', 'setTimeout', 'clearTimeout'] });
  };
  beforeEach(() => sinon.stub(console, 'warn'));
  afterEach(() => {
    clock?.restore();
    sinon.restore();
  });

  const renderWindow = async (parent: Element) => {
    const el = document.createElement('policy-delivery-window') as PolicyDeliveryWindow;
    el.lang = 'en';
    el.policy = paris();
    parent.append(el);
    await el.updateComplete;
    return el;
  };
  /** The window core gives at the page's current instant. */
  const coreWindow = () => {
    const { quoted } = quoteDelivery(paris(), { now: new Date() });
    return [quoted.earliest, quoted.latest];
  };

  describe('<policy-delivery-window>', () => {
    it('moved to another parent, its countdown keeps counting', async () => {
      // Monday 2 March 2026, 10:00 in Paris: four hours before the cutoff.
      at('2026-03-02T10:00:00+01:00');
      const [from, to] = [await fixture(html`<div></div>`), await fixture(html`<div></div>`)];
      const el = await renderWindow(from);
      expect(text(el, 'countdown')).to.match(/^Order before [^(]+ \(in 4 hr\) to get these dates\.$/);
      to.append(el);
      await clock.tickAsync(5 * MINUTE);
      await el.updateComplete;
      expect(text(el, 'countdown')).to.match(/^Order before [^(]+ \(in 3 hr, 55 min\) to get these dates\.$/);
    });

    it('taken out and put back, it is right at once and keeps counting', async () => {
      at('2026-03-02T10:00:00+01:00');
      const parent = await fixture(html`<div></div>`);
      const el = await renderWindow(parent);
      el.remove();
      await clock.tickAsync(10 * MINUTE);
      parent.append(el);
      await el.updateComplete;
      expect(text(el, 'countdown'), 'as soon as it is back').to.match(
        /^Order before [^(]+ \(in 3 hr, 50 min\) to get these dates\.$/,
      );
      await clock.tickAsync(5 * MINUTE);
      await el.updateComplete;
      expect(text(el, 'countdown')).to.match(/^Order before [^(]+ \(in 3 hr, 45 min\) to get these dates\.$/);
    });

    it('put back after the cutoff passed: the later window, and no countdown', async () => {
      at('2026-03-02T10:00:00+01:00');
      const parent = await fixture(html`<div></div>`);
      const el = await renderWindow(parent);
      const before = timesOf(el);
      expect(before).to.deep.equal(coreWindow());
      el.remove();
      await clock.tickAsync(5 * 60 * MINUTE);
      parent.append(el);
      await el.updateComplete;
      // 15:00, past the cutoff: received Tuesday, so a day later.
      expect(text(el, 'countdown'), 'no countdown').to.equal(undefined);
      expect(timesOf(el)).to.deep.equal(coreWindow());
      expect(timesOf(el)).not.to.deep.equal(before);
    });
  });

  it('<policy-cancellation> moved to another parent still says, at its end, that the free period has ended', async () => {
    // Ordered Monday 2 March 10:00 in Madrid, free for 24 hours: 30 seconds are left.
    at('2026-03-03T09:59:30+01:00');
    const [from, to] = [await fixture(html`<div></div>`), await fixture(html`<div></div>`)];
    const el = document.createElement('policy-cancellation') as PolicyCancellation;
    el.lang = 'en';
    el.orderedAt = '2026-03-02T10:00:00+01:00';
    el.policy = policyEs();
    from.append(el);
    await el.updateComplete;
    expect(text(el, 'free')).to.match(/^You can cancel free of charge until 10\sAM on Tuesday, March 3, 2026/);
    to.append(el);
    await clock.tickAsync(31_000);
    await el.updateComplete;
    expect(text(el, 'free')).to.equal('The free cancellation period ended on Tuesday, March 3, 2026.');
  });

  it('<policy-returns> on an open order page says the period has ended once the last day is over in the shop', async () => {
    // Delivered 9 March: the last day is Wednesday 8 April. 23:59:30 in Paris (CEST).
    at('2026-04-08T23:59:30+02:00');
    const el = await fixture<PolicyReturns>(
      html`<policy-returns lang="en" delivered-on="2026-03-09" .policy=${policyFull()}></policy-returns>`,
    );
    expect(text(el, 'deadline')).to.equal('You can send this item back until Wednesday, April 8, 2026.');
    await clock.tickAsync(31_000);
    await el.updateComplete;
    expect(text(el, 'deadline')).to.equal('The return period for this item ended on Wednesday, April 8, 2026.');
  });

  describe('a tab hidden, then shown', () => {
    let state: DocumentVisibilityState = 'visible';
    beforeEach(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' });
    });
    afterEach(() => {
      state = 'visible';
      delete (document as { visibilityState?: unknown }).visibilityState;
      delete (document as { hidden?: unknown }).hidden;
    });
    const show = (visibility: DocumentVisibilityState) => {
      state = visibility;
      document.dispatchEvent(new Event('visibilitychange'));
    };

    it('a delivery window whose timers were held back while hidden is right the moment it shows', async () => {
      at('2026-03-02T10:00:00+01:00');
      const el = await renderWindow(await fixture(html`<div></div>`));
      const before = timesOf(el);
      show('hidden');
      // The clock moves on, but no timer fires: a background tab, or a laptop asleep.
      clock.setSystemTime(new Date('2026-03-02T13:30:00+01:00'));
      show('visible');
      await el.updateComplete;
      expect(text(el, 'countdown')).to.match(/^Order before [^(]+ \(in 30 min\) to get these dates\.$/);
      show('hidden');
      clock.setSystemTime(new Date('2026-03-02T14:30:00+01:00'));
      show('visible');
      await el.updateComplete;
      expect(text(el, 'countdown'), 'no countdown').to.equal(undefined);
      expect(timesOf(el)).to.deep.equal(coreWindow());
      expect(timesOf(el)).not.to.deep.equal(before);
    });

    it("a kiosk hidden past its idle time is back in the store's language the moment it shows", async () => {
      at('2026-03-02T10:00:00+01:00');
      const el = await fixture<PolicyKiosk>(
        html`<policy-kiosk lang="fr" idle-seconds="60" .policy=${returnsOnly()}></policy-kiosk>`,
      );
      el.choose('en');
      await el.updateComplete;
      show('hidden');
      clock.setSystemTime(new Date('2026-03-02T10:05:00+01:00'));
      show('visible');
      await el.updateComplete;
      expect(el.lang).to.equal('fr');
    });
  });

  describe('<policy-kiosk>', () => {
    it('moved to another parent, still goes back to the store language after the idle time', async () => {
      at('2026-03-02T10:00:00+01:00');
      const [from, to] = [await fixture(html`<div></div>`), await fixture(html`<div></div>`)];
      const el = document.createElement('policy-kiosk') as PolicyKiosk;
      el.lang = 'fr';
      el.idleSeconds = 60;
      el.policy = returnsOnly();
      from.append(el);
      await el.updateComplete;
      el.choose('en');
      to.append(el);
      await clock.tickAsync(61_000);
      await el.updateComplete;
      expect(el.lang).to.equal('fr');
    });

    it('idle-seconds="3000000" (34 days, past what setTimeout can wait): not a second early', async function () {
      // 34 days of the kiosk's hourly wake-ups, run one by one: seconds on a busy machine.
      this.timeout(30_000);
      at('2026-03-02T10:00:00+01:00');
      const el = await fixture<PolicyKiosk>(
        html`<policy-kiosk lang="fr" idle-seconds="3000000" .policy=${returnsOnly()}></policy-kiosk>`,
      );
      el.choose('en');
      await clock.tickAsync(1_000);
      await el.updateComplete;
      expect(el.lang, 'a second later').to.equal('en');
      await clock.tickAsync(3_000_000_000 - 2_000);
      expect(el.lang, 'a second before').to.equal('en');
      await clock.tickAsync(1_000);
      await el.updateComplete;
      expect(el.lang, 'at the idle time').to.equal('fr');
    });
  });
});
