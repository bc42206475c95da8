import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { freeCancellationEnd } from '../core/cancellation.js';
import type { Policy } from '../core/types.js';
import { formatChoices, formatMoney, formatPercent, intl, sentence } from './format.js';
import type { Language } from './localize.js';
import { PolicyElement } from './policy-element.js';

/**
 * The cancellation policy: the free period and, in the same place, the fee after it; the
 * channels; the notice for subscriptions and services. With `ordered-at`, until when the free
 * cancellation lasts, as a date and time in the merchant's zone.
 *
 * @attr ordered-at - The order instant (ISO 8601 with an offset or Z).
 * @fires policy-ready - `detail.freeUntil`: the end of the free period (ISO instant), when it is known.
 * @csspart free - The free period.
 * @csspart fee - The fee after it.
 * @csspart explanation - Why there is a fee.
 * @csspart channels - How to cancel (online, phone, store, email).
 * @csspart notice - The notice for subscriptions and services.
 *
 * @tag policy-cancellation
 */
export class PolicyCancellation extends PolicyElement {
  protected override readonly section = 'cancellation';

  @property({ attribute: 'ordered-at' }) orderedAt?: string;

  protected renderPolicy(policy: Policy, { locale, t }: Language) {
    const { free, fee, channels, noticeDays } = policy.cancellation!;
    const freeUntil = this.orderedAt ? freeCancellationEnd(policy, this.orderedAt) : undefined;
    this.shown = { freeUntil };
    const { timeZone } = policy.merchant;
    const feeText = fee && ('percent' in fee ? formatPercent(locale, fee.percent) : formatMoney(locale, fee));
    const feeKey = !free ? 'feeAlways' : fee && 'percent' in fee ? 'feePercent' : 'feeAmount';

    return html`
      ${free
        ? html`<p part="free">
            ${freeUntil
              ? sentence((m) => t('cancellation.freeUntil', m), {
                  date: html`<time datetime=${freeUntil}
                    >${intl(Intl.DateTimeFormat, locale, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(new Date(freeUntil))}</time
                  >`,
                  zone: zoneName(locale, timeZone, new Date(freeUntil)),
                })
              : 'until' in free
                ? t('cancellation.freeUntilShipment')
                : t('cancellation.freeWithin', { count: free.withinHours })}
          </p>`
        : nothing}
      ${feeText
        ? html`<p part="fee">${t(`cancellation.${feeKey}`, { fee: feeText })}</p>
            <p part="explanation">${t('cancellation.feeWhy')}</p>`
        : nothing}
      ${channels?.length
        ? html`<p part="channels">${t('cancellation.channels', { channels: formatChoices(locale, channels.map((c) => t(`cancellation.channel_${c}`))) })}</p>`
        : nothing}
      ${noticeDays ? html`<p part="notice">${t('cancellation.notice', { count: noticeDays })}</p>` : nothing}
    `;
  }

  protected renderPlaceholder({ t }: Language) {
    return html`<div part="loading" aria-busy="true"><p>${t('common.loading')}</p><p>&nbsp;</p><p>&nbsp;</p></div>`;
  }
}

/** The merchant zone's name in the reader's language ("heure d'Europe centrale"). */
const zoneName = (locale: string, timeZone: string, at: Date) =>
  intl(Intl.DateTimeFormat, locale, { timeZone, timeZoneName: 'longGeneric' }).formatToParts(at).find((p) => p.type === 'timeZoneName')
    ?.value ?? timeZone;
