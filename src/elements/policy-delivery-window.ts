import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { nextLocalMidnight } from '../core/calendar.js';
import { quoteMethod } from '../core/arithmetic.js';
import { deliveryMethod } from '../core/delivery.js';
import { textIn } from '../core/text.js';
import type { DeliveryQuote, Policy } from '../core/types.js';
import { ClockController } from './clock-controller.js';
import {
  dateElement,
  dateRange,
  formatDuration,
  formatList,
  formatMoney,
  formatTime,
  formatUnit,
  keepCompounds,
  ownLang,
  sentence,
  WEEK,
  weekdayName,
} from './format.js';
import type { Language } from './localize.js';
import { placeStructuredData, structuredDataLoading, structuredDataText } from './structured-data.js';
import { PolicyElement, baseStyles } from './policy-element.js';
import { now as clockNow, timeOfDay } from './time.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The delivery window a shopper can count on, led by the method's name and price (so that two
 * methods' windows on one page never seem to contradict each other), as dates and as a number of
 * days, with the cutoff and the time left before it, the time slot and note, and why the dates are
 * a range.
 *
 * @attr method - Id of the delivery method to quote (default: the first serving `country`, else the first).
 * @attr country - Destination country (ISO 3166-1, case-insensitive), used only when no `method` is given.
 * @attr {boolean} structured-data - Adds the policy's JSON-LD for search engines (every delivery method as
 *   a schema.org `ShippingService` of an `OnlineStore`, with the padded days the element shows) as a
 *   `<script type="application/ld+json">` child of the element; removed when the attribute is,
 *   replaced when the policy changes.
 * @fires {CustomEvent<DeliveryReadyDetail>} policy-ready - `{ quote }`: the `quoteDelivery` result shown,
 *   `{ method, received, actual, quoted, cutoff? }`. Fired again when the window changes (after the
 *   cutoff, or on a new day).
 * @fires {CustomEvent<PolicyErrorDetail>} policy-error - The policy could not be shown; `detail.issues` lists `{path, message}`.
 * @csspart window - The sentence with the estimated dates.
 * @csspart days - The window as a number of working days.
 * @csspart countdown - The cutoff and the time left before it, only while one applies today. It
 *   is not a live region: a screen reader is never told each minute, and reads the current one.
 * @csspart method - The method's name and price.
 * @csspart label - The method's name (the merchant's text).
 * @csspart price - What delivery costs, or that it is free.
 * @csspart slot - The delivery time slot.
 * @csspart note - The merchant's note on the method.
 * @csspart explanation - Why there is a time slot, and the text inside the disclosure.
 * @csspart why - The "Why a range?" disclosure (a `<details>`).
 * @cssproperty --policy-accent - Colour of the dates (default: inherited).
 * @cssproperty --policy-target-size - Least height of the disclosure's toggle (default 1.5em; 48px on the kiosk).
 *
 * @tag policy-delivery-window
 */
export class PolicyDeliveryWindow extends PolicyElement {
  static override styles = [
    baseStyles,
    css`
      time {
        color: var(--policy-accent, inherit);
      }
      summary {
        cursor: pointer;
        min-block-size: var(--policy-target-size, 1.5em);
        /* Its words in the middle of the height it is given. */
        align-content: center;
      }
      [part~='method'] {
        font-weight: 600;
      }
    `,
  ];

  protected override readonly section = 'delivery';

  @property() method?: string;
  @property() country?: string;
  @property({ type: Boolean, attribute: 'structured-data' }) structuredData = false;

  protected override pendingWork() {
    return this.structuredData ? structuredDataLoading() : undefined;
  }

  /** The JSON-LD text of the policy shown, when `structured-data` asks for it. */
  private jsonLd?: string;

  private readonly clock = new ClockController(this);

  protected renderPolicy(policy: Policy, { locale, t }: Language) {
    // The page's clock (Date.now(), which a page may move), or the instant a render is pinned to.
    const now = clockNow();
    const method = deliveryMethod(policy, { method: this.method, country: this.country });
    const quote = quoteMethod(policy, method, now);
    const { quoted, actual } = quote;
    this.shown = { quote };
    this.jsonLd = this.structuredData
      ? structuredDataText(policy, now, locale, 'shipping', () => this.requestUpdate())
      : undefined;
    this.schedule(quote, now, policy.merchant.timeZone);

    const dates = dateRange(locale, quoted.earliest, quoted.latest);
    const window =
      dates.length === 1
        ? sentence((m) => t('delivery.windowOneDay', m), { date: dateElement(quoted.earliest, dates[0]) })
        : sentence((m) => t('delivery.window', m), {
            from: dateElement(quoted.earliest, dates[0]),
            to: dateElement(quoted.latest, dates[1]),
          });
    // "Jours ouvrés" are Monday to Friday: a count that takes in Saturdays (or Sundays) says so.
    const { businessDays, deliveryDays } = policy.calendar;
    const counted = [
      ...(method.handlingDays.max ? businessDays : []),
      ...(method.transitDays.max + method.padding.max ? deliveryDays : []),
    ];
    const kind = counted.includes('sun') ? 'WithSunday' : counted.includes('sat') ? 'WithSaturday' : '';
    const days =
      quoted.minDays === quoted.maxDays
        ? quoted.maxDays
          ? t(`delivery.daysExact${kind}`, { count: quoted.maxDays })
          : t('delivery.daysSameDay')
        : t(`delivery.days${kind}`, { min: quoted.minDays, count: quoted.maxDays });
    // Whole minutes, rounded down: the shopper who orders within the time shown does get these dates.
    const left = quote.cutoff ? Math.floor((Date.parse(quote.cutoff) - now) / MINUTE) : 0;
    // The cutoff on the shopper's own clock, as the time left is.
    const cutoff = quote.cutoff && timeOfDay(Date.parse(quote.cutoff));
    const label = textIn(method.label, locale);
    const note = textIn(method.note, locale);
    const slot = method.timeSlot;
    const amount = method.price?.amount ? formatMoney(locale, method.price) : undefined;
    // After the method's name, the price alone ("Livraison standard · sans frais", not "· Livraison offerte").
    const price =
      method.price &&
      (label
        ? (amount ?? t('delivery.free'))
        : amount
          ? t('delivery.price', { price: amount })
          : t('delivery.freeNoLabel'));
    const closed = WEEK.filter((d) => !policy.calendar.deliveryDays.includes(d));
    const padded = method.padding.min + method.padding.max > 0;

    return html`
      ${
        label || price
          ? html`<p part="method">
            ${label ? html`<span part="label" lang=${ownLang(label, locale)}>${keepCompounds(label.text)}</span>` : nothing}${label && price ? '\u00a0·\u00a0' : nothing}${
              price ? html`<span part="price">${price}</span>` : nothing
            }
          </p>`
          : nothing
      }
      <p part="window">${window}</p>
      <p part="days">${days}</p>
      ${
        cutoff && left >= 1 && !this.brief
          ? html`<p part="countdown">
            ${t('delivery.countdown', {
              cutoff: formatTime(locale, cutoff),
              time: formatDuration(locale, left),
            })}
          </p>`
          : nothing
      }
      ${
        slot
          ? html`<p part="slot">
              ${t('delivery.slot', {
                hours: formatUnit(locale, slot.hours, 'hour', 'long'),
                from: formatTime(locale, slot.from),
                to: formatTime(locale, slot.to),
              })}
              ${slot.announced ? t(`delivery.announced_${slot.announced}`) : nothing}
            </p>
            <p part="explanation">${t('delivery.slotWhy')}</p>`
          : nothing
      }
      ${note ? html`<p part="note" lang=${ownLang(note, locale)}>${keepCompounds(note.text)}</p>` : nothing}
      <details part="why">
        <summary>${t('delivery.whyTitle')}</summary>
        <p part="explanation">
          ${
            actual.minDays === actual.maxDays
              ? actual.maxDays
                ? t('delivery.whyExact', { count: actual.maxDays })
                : t('delivery.whySameDay')
              : t('delivery.why', { min: actual.minDays, count: actual.maxDays })
          }
          ${padded ? t('delivery.whyMargin') : nothing}
          ${
            closed.length
              ? t('delivery.whyClosed', {
                  days: formatList(
                    locale,
                    closed.map((d) => weekdayName(locale, d)),
                  ),
                })
              : t('delivery.whyHolidays')
          }
        </p>
      </details>
    `;
  }

  protected override updated() {
    super.updated();
    // Only while the policy is shown: a fallback or a placeholder states nothing.
    placeStructuredData(this, this.structuredData && this.shown ? this.jsonLd : undefined);
  }

  protected renderPlaceholder({ t }: Language) {
    return html`<div part="loading" aria-busy="true">
      <p part="window">${t('common.loading')}</p>
      <p part="days">&nbsp;</p>
      <p part="method">&nbsp;</p>
      <p>&nbsp;</p>
    </div>`;
  }

  /** Renders again when the countdown's minute changes, when the cutoff passes, or at the merchant's midnight. */
  private schedule(quote: DeliveryQuote, now: number, timeZone: string) {
    const left = quote.cutoff ? Date.parse(quote.cutoff) - now : 0;
    // Just past each whole minute left (so the minutes shown are never more than remain), and
    // exactly at the cutoff, when the later window takes over.
    const until = quote.cutoff
      ? left <= MINUTE
        ? left
        : (left % MINUTE) + 1
      : nextLocalMidnight(now, timeZone).getTime() - now + 1;
    // Within the hour at most, so that a sleeping laptop or a changed clock is caught up.
    this.clock.at(now + Math.min(until, HOUR));
  }
}
