/**
 * Time in the browser: the shopper's clock (a fake Date at a chosen instant) may be in another zone
 * and on another date than the merchant's; the elements always use the merchant's zone, and show
 * the very dates core gives. Also a daylight-saving night's countdown, New Year, a leap day, and
 * the console warning when the policy's holidays have run out.
 */
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define/index.js';
import { quoteDelivery, type PolicyDeliveryWindow, type PolicyReturns } from '../../src/index.js';
import { part, policyFull, textOf, timesOf } from './helpers.js';

const policyIn = (
  timeZone: string,
  method: object,
  holidays: string[] = [],
  businessDays = ['mon', 'tue', 'wed', 'thu', 'fri'],
) => ({
  version: 1,
  merchant: { timeZone },
  calendar: { businessDays, holidays },
  delivery: { methods: [{ id: 'standard', ...method }] },
  returns: { windowDays: 30 },
});
const STANDARD = { cutoff: '14:00', transitDays: { min: 3, max: 4 } };

describe('time, in the browser', () => {
  let clock: sinon.SinonFakeTimers | undefined;
  let warn: sinon.SinonStub;
  // Some of these policies' holidays run out: the warning is checked in the last test.
  beforeEach(() => (warn = sinon.stub(console, 'warn')));
  const at = (instant: string) => {
    clock = sinon.useFakeTimers({ now: new Date(instant), toFake: ['Date', 'setTimeout', 'clearTimeout'] });
  };
  afterEach(() => {
    clock?.restore();
    clock = undefined;
    sinon.restore();
  });

  const render = (policy: unknown) =>
    fixture<PolicyDeliveryWindow>(html`<policy-delivery-window lang="en" .policy=${policy}></policy-delivery-window>`);
  /** The window the element shows is the one core gives for that instant, to the day. */
  const expectCore = (el: Element, policy: unknown) => {
    const { quoted } = quoteDelivery(policy, { now: new Date() });
    expect(timesOf(el)).to.deep.equal([quoted.earliest, quoted.latest]);
  };

  describe("the merchant's zone, not the shopper's", () => {
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

    it(`Kiritimati (UTC+14) is already on Tuesday 00:30 while it is Monday 10:30 in UTC (this browser: ${browserZone})`, async () => {
      at('2026-03-02T10:30:00Z');
      const policy = policyIn('Pacific/Kiritimati', STANDARD);
      const el = await render(policy);
      // Received Tuesday 3 in Kiritimati: delivery days W4 T5 F6 M9 (4th) … W11 (6th). Monday's would be 6–10.
      expect(timesOf(el)).to.deep.equal(['2026-03-09', '2026-03-11']);
      expectCore(el, policy);
      // Its 14:00 cutoff on Tuesday is 00:00Z: 13 h 30 min away.
      expect(part(el, 'countdown')!.textContent).to.match(/13 hr, 30 min/);
    });

    it('Pago Pago (UTC−11) is still on Monday 10:00 while it is Monday 21:00 in UTC, after a 14:00 cutoff there', async () => {
      at('2026-03-02T21:00:00Z');
      const policy = policyIn('Pacific/Pago_Pago', STANDARD);
      const el = await render(policy);
      // Received Monday 2 in Pago Pago, before its cutoff: 6–10. In UTC (after 14:00) it would be 9–11.
      expect(timesOf(el)).to.deep.equal(['2026-03-06', '2026-03-10']);
      expectCore(el, policy);
      expect(part(el, 'countdown')!.textContent).to.match(/4 hr/);
    });
  });

  it('a daylight-saving night: with a 02:30 cutoff in Paris, at 01:30 only 30 minutes remain (02:00 jumps to 03:00)', async () => {
    at('2026-03-29T00:30:00Z');
    const policy = policyIn(
      'Europe/Paris',
      { cutoff: '02:30', transitDays: { min: 1, max: 2 } },
      [],
      ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
    );
    const el = await render(policy);
    expect(part(el, 'countdown')!.textContent!.trim()).to.match(
      /^Order before [^(]+ \(in 30 min\) to get these dates\.$/,
    );
    expectCore(el, policy);
    // At the jump the cutoff has passed: the later window takes over, and the countdown goes.
    await clock!.tickAsync(30 * 60_000);
    await el.updateComplete;
    expect(part(el, 'countdown')).to.equal(null);
    expectCore(el, policy);
  });

  describe('New Year', () => {
    const policy = policyIn('Europe/Paris', { transitDays: { min: 1, max: 2 } }, ['2026-12-25', '2027-01-01']);

    it('Thursday 31 December, 23:30 in Paris: the window in January, in order', async () => {
      at('2026-12-31T22:30:00Z');
      const el = await render(policy);
      expect(timesOf(el)).to.deep.equal(['2027-01-05', '2027-01-07']);
      expect(part(el, 'window')!.textContent).to.match(/between Tuesday, January 5 and Thursday, January 7$/);
      expectCore(el, policy);
    });

    it('half an hour later, 1 January in Paris (a holiday) but 31 December in London and New York: received Monday 4', async () => {
      at('2026-12-31T23:30:00Z');
      const el = await render(policy);
      expect(timesOf(el)).to.deep.equal(['2027-01-06', '2027-01-08']);
      expectCore(el, policy);
    });

    it('a window across the new year reads December, then January, each with its year', async () => {
      at('2026-12-28T09:00:00Z');
      const across = policyIn('Europe/Paris', { transitDays: { min: 1, max: 2 }, padding: { min: 0, max: 2 } }, [
        '2027-01-01',
      ]);
      const el = await render(across);
      expect(timesOf(el)).to.deep.equal(['2026-12-29', '2027-01-04']);
      expect(part(el, 'window')!.textContent).to.match(
        /between Tuesday, December 29, 2026 and Monday, January 4, 2027$/,
      );
    });
  });

  it('a leap day: Tuesday, February 29, 2028 in the window and as a return deadline', async () => {
    at('2028-02-28T09:00:00Z');
    const policy = policyIn('Europe/Paris', {
      cutoff: '14:00',
      transitDays: { min: 1, max: 2 },
      padding: { min: 0, max: 1 },
    });
    const el = await render(policy);
    expect(timesOf(el)).to.deep.equal(['2028-02-29', '2028-03-02']);
    expect(part(el, 'window')!.textContent).to.match(/between Tuesday, February 29 and Thursday, March 2$/);
    const returns = await fixture<PolicyReturns>(
      html`<policy-returns lang="en" delivered-on="2028-01-30" .policy=${policy}></policy-returns>`,
    );
    expect(timesOf(returns)).to.deep.equal(['2028-02-29']);
    expect(textOf(returns)).to.contain('You can send this item back until Tuesday, February 29, 2028.');
  });

  it('holidays that run out: the developer gets one console warning per element, the shopper the window', async () => {
    at('2027-12-20T09:00:00Z');
    const el = await render(policyFull());
    expect(timesOf(el)).to.have.length(2);
    // Looked for once the page is idle, not on the way to the first render.
    await new Promise((resolve) => requestIdleCallback(resolve));
    const runOut = warn
      .getCalls()
      .map((c) => String(c.args[0]))
      .filter((m) => m.includes('/calendar/holidays'));
    expect(runOut).to.deep.equal([
      "policy-explainer: /calendar/holidays The last holiday listed is 2027-12-25: quotes after it assume no holiday; add next year's holidays (npx policy-explainer holidays FR --years 2028-2030 --write <policy file>).",
    ]);
  });
});
