import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { textIn } from '../core/text.js';
import type { Policy } from '../core/types.js';
import { keepCompounds, ownLang } from './format.js';
import type { Language } from './localize.js';
import { PolicyElement, baseStyles, policyLink } from './policy-element.js';

/**
 * The items the shop cannot take back, and why: one entry on a product page (`category`), shown
 * before purchase, or every entry. The reason is the merchant's own explanation, else a
 * standard one for its reason code.
 *
 * @attr category - Id of the one entry to show (e.g. `hygiene`); default: every entry. An id
 *   the policy lacks renders nothing and warns in the console.
 * @fires {CustomEvent<NonRefundableReadyDetail>} policy-ready - `{ entries }`: the ids of the entries shown, e.g.
 *   `["hygiene"]`. Not fired when the policy has no entry with that `category`.
 * @fires {CustomEvent<PolicyErrorDetail>} policy-error - The policy could not be shown; `detail.issues` lists `{path, message}`.
 * @csspart entry - One non-refundable entry.
 * @csspart title - "No returns or exchanges".
 * @csspart items - The items concerned (the merchant's text).
 * @csspart explanation - Why they cannot be returned.
 * @cssproperty --policy-notice-color - Colour of the entry's edge (default `currentColor`).
 * @cssproperty --policy-indent - Space between the edge and the text (default `0.75em`).
 *
 * @tag policy-non-refundable
 */
export class PolicyNonRefundable extends PolicyElement {
  static override styles = [
    baseStyles,
    css`
      [part~='entry'] {
        border-inline-start: 0.25em solid var(--policy-notice-color, currentColor);
        padding-inline-start: var(--policy-indent, 0.75em);
        margin-block-end: var(--policy-gap, 0.35em);
      }
      [part~='title'] {
        font-weight: 600;
      }
    `,
  ];

  protected override readonly section = 'nonRefundable';

  @property() category?: string;

  protected renderPolicy(policy: Policy, language: Language) {
    const { locale, t } = language;
    const all = policy.nonRefundable!;
    const entries = this.category ? all.filter((e) => e.id === this.category) : all;
    if (!entries.length) {
      console.warn(
        `policy-explainer: the policy has no non-refundable entry "${this.category}" (it has ${all.map((e) => `"${e.id}"`).join(', ')}).`,
      );
      return html``;
    }
    this.shown = { entries: entries.map((e) => e.id) };
    // The standard "other" reason points to the full terms: give the way there.
    const { policyUrl } = policy.merchant;
    const needsLink = policyUrl && entries.some((e) => e.reason === 'other' && !e.explanation);
    return html`${entries.map((e) => {
      const items = textIn(e.items, locale)!;
      // The shop's own explanation, else the standard one for the reason, in the reader's language.
      const own = textIn(e.explanation, locale);
      return html`<div part="entry">
        <p part="title">${t('nonRefundable.title')}</p>
        <p part="items" lang=${ownLang(items, locale)}>${keepCompounds(items.text)}</p>
        <p part="explanation" lang=${ownLang(own, locale)}>${own ? keepCompounds(own.text) : t(`nonRefundable.reasons.${e.reason}`)}</p>
      </div>`;
    })}${needsLink ? policyLink(language, policyUrl) : nothing}`;
  }

  protected renderPlaceholder() {
    // A single product's notice: reserve its three lines only when one is expected.
    return this.category
      ? html`<div part="loading" aria-busy="true"><p>&nbsp;</p><p>&nbsp;</p><p>&nbsp;</p></div>`
      : nothing;
  }
}
