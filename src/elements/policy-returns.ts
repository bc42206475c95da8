import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { nextLocalMidnight, wallClock } from '../core/calendar.js';
import { returnDeadline } from '../core/returns.js';
import { textIn } from '../core/text.js';
import type { Policy } from '../core/types.js';
import { ClockController } from './clock-controller.js';
import {
  dateElement,
  formatChoices,
  formatFullDate,
  formatMoney,
  formatPercent,
  keepCompounds,
  ownLang,
  sentence,
} from './format.js';
import type { Language } from './localize.js';
import { placeStructuredData, structuredDataLoading, structuredDataText } from './structured-data.js';
import { PolicyElement } from './policy-element.js';
import { now as clockNow } from './time.js';

const HOUR = 3_600_000;

/**
 * The return policy: the window as a duration on a product page, or as the last day to send the
 * item back once the delivery date is known; how, who pays, in what condition, how the refund
 * comes, any restocking fee and the merchant's notes.
 *
 * @attr delivered-on - The delivery date, `YYYY-MM-DD`: the window is then shown as a deadline. A date
 *   that doesn't exist shows the fallback, never a wrong deadline.
 * @attr {boolean} structured-data - Adds the policy's JSON-LD for search engines (the return policy as
 *   schema.org `MerchantReturnPolicy`s of an `OnlineStore`) as a `<script type="application/ld+json">`
 *   child of the element; removed when the attribute is, replaced when the policy changes.
 * @fires {CustomEvent<ReturnsReadyDetail>} policy-ready - `{ deadline }`: the last day to send the item back,
 *   `YYYY-MM-DD`, or `undefined` without `delivered-on`.
 * @fires {CustomEvent<PolicyErrorDetail>} policy-error - The policy could not be shown; `detail.issues` lists `{path, message}`.
 * @csspart headline - The return window.
 * @csspart deadline - The last day to send the item back.
 * @csspart explanation - How the period is counted, and why a condition or fee exists.
 * @csspart how - How to send it back (post, store, home collection).
 * @csspart fees - Who pays for the return, when it is not free.
 * @csspart condition - The condition the item must come back in, and why.
 * @csspart refund - How the refund comes.
 * @csspart refund-delay - How soon it comes.
 * @csspart restocking - A restocking fee, and why.
 * @csspart note - The merchant's notes.
 *
 * @tag policy-returns
 */
export class PolicyReturns extends PolicyElement {
  protected override readonly section = 'returns';

  @property({ attribute: 'delivered-on' }) deliveredOn?: string;
  @property({ type: Boolean, attribute: 'structured-data' }) structuredData = false;

  protected override pendingWork() {
    return this.structuredData ? structuredDataLoading() : undefined;
  }

  /** The JSON-LD text of the policy shown, when `structured-data` asks for it. */
  private jsonLd?: string;

  private readonly clock = new ClockController(this);

  protected renderPolicy(policy: Policy, { locale, t }: Language) {
    const returns = policy.returns!;
    const { fees, refund } = returns;
    // An amount of zero is free, and is said so.
    const free = fees === 'free' || (typeof fees === 'object' && fees.amount === 0);
    const deadline = this.deliveredOn ? returnDeadline(policy, this.deliveredOn) : undefined;
    // The deadline day included, in the shop's zone: an order page opened weeks later says it has ended.
    // The page's clock (Date.now(), which a page may move), or the instant a render is pinned to.
    const now = clockNow();
    const { timeZone } = policy.merchant;
    const passed = !!deadline && wallClock(now, timeZone).date > deadline;
    // Until then, looked at again at the shop's midnight, and within the hour (a laptop that slept,
    // a clock that was changed): the past tense comes on its own on a page left open.
    const open = deadline && !passed;
    this.clock.at(open ? Math.min(nextLocalMidnight(now, timeZone).getTime() + 1, now + HOUR) : undefined);
    this.shown = { deadline };
    this.jsonLd = this.structuredData
      ? structuredDataText(policy, now, locale, 'returns', () => this.requestUpdate())
      : undefined;
    const notes = textIn(returns.notes, locale);
    const line = (part: string, text: unknown) => (text ? html`<p part=${part}>${text}</p>` : nothing);

    return html`
      <p part="headline">${t(free ? 'returns.headlineFree' : 'returns.headline', { count: returns.windowDays })}</p>
      ${
        deadline
          ? html`<p part="deadline">
            ${sentence((m) => t(passed ? 'returns.deadlinePassed' : 'returns.deadline', m), { date: dateElement(deadline, formatFullDate(locale, deadline)) })}
          </p>`
          : nothing
      }
      ${line('explanation', t('returns.counted'))}
      ${line(
        'how',
        returns.methods?.length &&
          t('returns.how', {
            methods: formatChoices(
              locale,
              returns.methods.map((m) => t(`returns.method_${m}`)),
            ),
          }),
      )}
      ${line('fees', typeof fees === 'object' && !free ? t('returns.feesAmount', { price: formatMoney(locale, fees) }) : fees === 'customer-pays' && t('returns.fees_customer-pays'))}
      ${line('condition', returns.condition && t(`returns.condition_${returns.condition}`))}
      ${line('refund', refund?.method && t(`returns.refund_${refund.method}`))}
      ${line(
        'refund-delay',
        refund?.withinDays !== undefined &&
          (refund.withinDays ? t('returns.refundWithin', { count: refund.withinDays }) : t('returns.refundOnReceipt')),
      )}
      ${line('restocking', returns.restockingFeePercent && t('returns.restocking', { percent: formatPercent(locale, returns.restockingFeePercent) }))}
      ${notes ? html`<p part="note" lang=${ownLang(notes, locale)}>${keepCompounds(notes.text)}</p>` : nothing}
    `;
  }

  protected override updated() {
    super.updated();
    // Only while the policy is shown: a fallback or a placeholder states nothing.
    placeStructuredData(this, this.structuredData && this.shown ? this.jsonLd : undefined);
  }

  protected renderPlaceholder({ t }: Language) {
    return html`<div part="loading" aria-busy="true"><p part="headline">${t('common.loading')}</p><p>&nbsp;</p><p>&nbsp;</p></div>`;
  }
}
