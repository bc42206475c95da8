import { css, html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Policy } from '../core/types.js';
import type { Language } from './localize.js';
import { PolicyElement, baseStyles, hasContent } from './policy-element.js';

const SECTIONS = ['delivery', 'returns', 'nonRefundable', 'cancellation'] as const;
type Section = (typeof SECTIONS)[number];

/** Real heading elements, so that the summary reads well in the page's outline and to a screen reader. */
function heading(level: number, text: string): TemplateResult {
  switch (level) {
    case 3:
      return html`<h3 part="heading">${text}</h3>`;
    case 4:
      return html`<h4 part="heading">${text}</h4>`;
    case 5:
      return html`<h5 part="heading">${text}</h5>`;
    case 6:
      return html`<h6 part="heading">${text}</h6>`;
    default:
      return html`<h2 part="heading">${text}</h2>`;
  }
}

/** Child events stay inside: the summary reports once for all of them. */
const contain = (e: Event) => e.stopPropagation();

/** Every part of the sections, so that `policy-summary::part(window)` styles them too. */
const PARTS = [
  'window',
  'days',
  'countdown',
  'method',
  'label',
  'price',
  'slot',
  'note',
  'explanation',
  'why',
  'headline',
  'deadline',
  'how',
  'fees',
  'condition',
  'refund',
  'refund-delay',
  'restocking',
  'entry',
  'title',
  'items',
  'free',
  'fee',
  'channels',
  'contacts',
  'notice',
  'fallback',
  'link',
  'loading',
].join(', ');

/**
 * Every section the policy has, in order (delivery, returns, non-refundable items,
 * cancellation), each under a heading; or the sections named in `sections`, where one the
 * policy lacks says plainly that it is not stated. Delivery shows every method (those serving
 * `country`, when it is set), each with its own window, price, slot and note.
 *
 * @attr sections - The sections to show, separated by spaces: `delivery returns nonRefundable cancellation`.
 *   Unknown names are ignored. A section that is asked for but missing from the policy says plainly that
 *   it isn't stated. Default: every section the policy has.
 * @attr heading-level - Level of the section headings, 2 to 6 (default 2; any other value gives 2).
 * @attr method - The one delivery method to show. Default: every method. An unknown id shows the
 *   delivery section's fallback.
 * @attr country - Shows only the delivery methods serving this country (ISO 3166-1, case-insensitive).
 *   None serving it: the delivery section's fallback.
 * @attr delivered-on - Passed to the returns.
 * @attr ordered-at - Passed to the cancellation.
 * @fires {CustomEvent<SummaryReadyDetail>} policy-ready - `{ sections }`: the sections shown, e.g.
 *   `["delivery", "returns", "nonRefundable", "cancellation"]`. Fired once for the whole summary.
 * @fires {CustomEvent<PolicyErrorDetail>} policy-error - `{ issues: [{ path, message }] }`, when the
 *   summary's own policy can't be read, or when one of its sections can't be shown (an unknown `method`,
 *   an impossible `delivered-on`, a section asked for in `sections` that the policy doesn't state): the
 *   section shows its fallback or "not stated" message, and its error leaves as the summary's.
 * @csspart section - One section (a `<section>`). Each is also named for its section: `::part(delivery)`
 *   selects the delivery section, `::part(nonRefundable)` the non-refundable one.
 * @csspart sections - The box around all sections (make it a grid, say, on a wide screen).
 * @csspart options - The box around the delivery methods (a grid, say, on a wide screen).
 * @csspart option - One delivery method (a `<policy-delivery-window>`).
 * @csspart heading - A section heading. Every part of the sections' elements is exported too, but their
 *   `content`.
 * @cssproperty --policy-heading-size - Font size of the headings (default `1.1em`).
 * @cssproperty --policy-heading-margin - Margin of the headings (default `1em 0 0.4em`; the first heading has no top margin).
 * @cssproperty --policy-option-gap - Space between two delivery methods (default `1em`).
 *
 * @tag policy-summary
 */
export class PolicySummary extends PolicyElement {
  static override styles = [
    baseStyles,
    css`
      [part~='heading'] {
        font-size: var(--policy-heading-size, 1.1em);
        margin: var(--policy-heading-margin, 1em 0 0.4em);
      }
      [part~='section']:first-child [part~='heading'] {
        margin-block-start: 0;
      }
      /* The section heading already says it. */
      policy-non-refundable::part(title) {
        display: none;
      }
      [part~='option'] + [part~='option'] {
        margin-block-start: var(--policy-option-gap, 1em);
      }
      /* Two sections that cannot be shown are two boxes, never one. */
      :is(policy-delivery-window, policy-returns, policy-non-refundable, policy-cancellation)::part(fallback) {
        margin-block-end: var(--policy-gap, 0.75em);
      }
    `,
  ];

  @property() sections?: string;
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  @property() method?: string;
  @property() country?: string;
  @property({ attribute: 'delivered-on' }) deliveredOn?: string;
  @property({ attribute: 'ordered-at' }) orderedAt?: string;

  protected renderPolicy(policy: Policy, { t }: Language) {
    const asked = this.sections?.split(/\s+/).filter((s): s is Section => (SECTIONS as readonly string[]).includes(s));
    const shown = asked?.length ? asked : SECTIONS.filter((s) => hasContent(policy[s]));
    this.shown = { sections: shown };
    return html`<div part="sections">${shown.map(
      (s) => html`<section part="section ${s}" @policy-ready=${contain} @policy-error=${this.relayError}>
        ${heading(this.headingLevel, t(`summary.${s}`))} ${this.renderSection(s, policy)}
      </section>`,
    )}</div>`;
  }

  /** A section that cannot be shown is the page's business too: its error leaves as the summary's. */
  private relayError = (e: Event) => {
    e.stopPropagation();
    this.dispatchEvent(
      new CustomEvent('policy-error', { detail: (e as CustomEvent).detail, bubbles: true, composed: true }),
    );
  };

  private renderSection(section: Section, policy: Policy) {
    switch (section) {
      case 'delivery':
        return html`<div part="options">${this.methodsShown(policy).map(
          (method) =>
            html`<policy-delivery-window part="option" exportparts=${PARTS} .policy=${policy} .method=${method} .country=${this.country}></policy-delivery-window>`,
        )}</div>`;
      case 'returns':
        return html`<policy-returns exportparts=${PARTS} .policy=${policy} .deliveredOn=${this.deliveredOn}></policy-returns>`;
      case 'nonRefundable':
        return html`<policy-non-refundable exportparts=${PARTS} .policy=${policy}></policy-non-refundable>`;
      case 'cancellation':
        return html`<policy-cancellation exportparts=${PARTS} .policy=${policy} .orderedAt=${this.orderedAt}></policy-cancellation>`;
    }
  }

  /**
   * The ids of the delivery methods to show: the one named, else every one serving the country.
   * None (or no delivery section): one window without a method, which says why it has no dates.
   */
  private methodsShown(policy: Policy): Array<string | undefined> {
    if (this.method) return [this.method];
    const country = this.country?.toUpperCase();
    const serving = (policy.delivery?.methods ?? []).filter(
      (m) => !country || !m.countries || m.countries.includes(country),
    );
    return serving.length ? serving.map((m) => m.id) : [undefined];
  }

  protected renderPlaceholder({ t }: Language) {
    return html`<div part="loading" aria-busy="true"><p>${t('common.loading')}</p></div>`;
  }
}
