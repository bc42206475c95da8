import { css, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { freeCancellationEnd } from '../core/cancellation.js';
import type { Policy } from '../core/types.js';
import { wallClock } from '../core/calendar.js';
import { ClockController } from './clock-controller.js';
import { formatChoices, formatFullDate, formatMoney, formatPercent, formatTime, intl, sentence } from './format.js';
import type { Language } from './localize.js';
import { PolicyElement, baseStyles } from './policy-element.js';
import { now as clockNow } from './time.js';

/**
 * The cancellation policy: the free period and, in the same place, the fee after it; the
 * channels; the notice for subscriptions and services. With `ordered-at`, until when the free
 * cancellation lasts, as a date and time in the merchant's zone.
 *
 * @attr ordered-at - The order instant, ISO 8601: `2026-03-02T10:00:00+01:00`, or `2026-03-02T10:00` on
 *   the merchant's clock (never the shopper's). An invalid instant shows the fallback.
 * @fires {CustomEvent<CancellationReadyDetail>} policy-ready - `{ freeUntil }`: the end of the free period as an ISO
 *   instant, or `undefined` when it isn't known (no `ordered-at`, or free until shipment).
 * @fires {CustomEvent<PolicyErrorDetail>} policy-error - The policy could not be shown; `detail.issues` lists `{path, message}`.
 * @csspart free - The free period.
 * @csspart fee - The fee after it.
 * @csspart explanation - Why there is a fee.
 * @csspart channels - How to cancel (online, phone, store, email).
 * @csspart contacts - Where to cancel: the page to cancel online, the phone number and the e-mail
 *   address, for each channel the policy gives them for (`cancellation.url`, `merchant.contact`).
 * @csspart notice - The notice for subscriptions and services.
 *
 * @tag policy-cancellation
 */
export class PolicyCancellation extends PolicyElement {
  static override styles = [
    baseStyles,
    css`
      [part~='contacts'] {
        margin: 0 0 var(--policy-gap, 0.35em);
        padding-inline-start: 1.25em;
      }
      /* A phone number is never broken across lines. */
      [part~='contacts'] a[href^='tel:'] {
        white-space: nowrap;
      }
    `,
  ];

  protected override readonly section = 'cancellation';

  @property({ attribute: 'ordered-at' }) orderedAt?: string;

  private readonly clock = new ClockController(this);

  protected renderPolicy(policy: Policy, { locale, t }: Language) {
    const { free, fee, channels, noticeDays } = policy.cancellation!;
    // A free period of 0 hours is none, and a fee of 0 is none: a line about either would only puzzle.
    const freePeriod = free && !('withinHours' in free && free.withinHours === 0) ? free : undefined;
    const percent = !!fee && 'percent' in fee;
    const feeText =
      fee &&
      ('percent' in fee ? fee.percent && formatPercent(locale, fee.percent) : fee.amount && formatMoney(locale, fee));
    // Worked out whenever ordered-at is set, so that a wrong instant is reported, not ignored.
    const end = this.orderedAt ? freeCancellationEnd(policy, this.orderedAt) : undefined;
    const freeUntil = freePeriod && end;
    this.shown = { freeUntil };
    const now = clockNow();
    const left = freeUntil ? Date.parse(freeUntil) - now : 0;
    // Once the free period has ended, the fee is what applies now ("Désormais", not "Ensuite").
    const after = freeUntil && left <= 0 ? 'Now' : '';
    const feeKey = freePeriod
      ? `${percent ? 'feePercent' : 'feeAmount'}${after}`
      : percent
        ? 'feeAlwaysPercent'
        : 'feeAlways';
    // Said in the past tense from the moment it ends, page open or not; looked at hourly till then.
    this.clock.at(left > 0 ? now + Math.min(left + 1, HOUR) : undefined);

    return html`
      ${
        freePeriod
          ? html`<p part="free">${freeUntil ? this.renderEnd(policy, freeUntil, left <= 0, { locale, t }) : 'until' in freePeriod ? t('cancellation.freeUntilShipment') : t('cancellation.freeWithin', { count: freePeriod.withinHours })}</p>`
          : nothing
      }
      ${
        feeText
          ? html`<p part="fee">${t(`cancellation.${feeKey}`, { fee: feeText })}</p>
            <p part="explanation">${t('cancellation.feeWhy')}</p>`
          : nothing
      }
      ${
        channels?.length
          ? html`<p part="channels">${t('cancellation.channels', {
              channels: formatChoices(
                locale,
                channels.map((c) => t(`cancellation.channel_${c}`)),
              ),
            })}</p>`
          : nothing
      }
      ${this.renderContacts(policy, channels ?? [], t)}
      ${noticeDays ? html`<p part="notice">${t('cancellation.notice', { count: noticeDays })}</p>` : nothing}
    `;
  }

  /**
   * Where to cancel, for each channel the policy names and gives the details of: the page to
   * cancel online (`cancellation.url`), the phone number and e-mail address (`merchant.contact`).
   * A channel without its details is named in the sentence above, and nothing is made up.
   */
  private renderContacts(policy: Policy, channels: readonly string[], t: Language['t']) {
    const { contact } = policy.merchant;
    const url = policy.cancellation?.url;
    const items: TemplateResult[] = [];
    if (channels.includes('online') && url)
      items.push(
        html`<li><a part="link" href=${url} target="_blank" rel="noopener noreferrer">${t('cancellation.contactOnline')}</a></li>`,
      );
    if (channels.includes('phone') && contact?.phone) {
      const phone = html`<a part="link" href=${`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>${contact.phone}</a>`;
      items.push(html`<li>${sentence((m) => t('cancellation.contactPhone', m), { phone })}</li>`);
    }
    if (channels.includes('email') && contact?.email) {
      const email = html`<a part="link" href=${`mailto:${contact.email}`}>${contact.email}</a>`;
      items.push(html`<li>${sentence((m) => t('cancellation.contactEmail', m), { email })}</li>`);
    }
    return items.length ? html`<ul part="contacts">${items}</ul>` : nothing;
  }

  /** "…until 10 AM on Tuesday, March 3, 2026 (Central European Time)", or that it has ended: in the merchant's zone. */
  private renderEnd(policy: Policy, end: string, ended: boolean, { locale, t }: Language) {
    const { timeZone } = policy.merchant;
    const local = wallClock(new Date(end), timeZone);
    const date = html`<time datetime=${end}>${formatFullDate(locale, local.date)}</time>`;
    if (ended) return sentence((m) => t('cancellation.freeEnded', m), { date });
    return sentence((m) => t('cancellation.freeUntil', { ...m, count: Number(local.time.slice(0, 2)) }), {
      date,
      time: formatTime(locale, local.time.slice(0, 5)),
      zone: zoneName(locale, timeZone, new Date(end)),
    });
  }

  protected renderPlaceholder({ t }: Language) {
    return html`<div part="loading" aria-busy="true"><p>${t('common.loading')}</p><p>&nbsp;</p><p>&nbsp;</p></div>`;
  }
}

const HOUR = 3_600_000;

/** The merchant zone's name in the reader's language ("heure d'Europe centrale"). */
const zoneName = (locale: string, timeZone: string, at: Date) =>
  intl(Intl.DateTimeFormat, locale, { timeZone, timeZoneName: 'longGeneric' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
