import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { textIn } from '../core/text.js';
import type { Policy } from '../core/types.js';
import { ClockController } from './clock-controller.js';
import { intl, ownLang } from './format.js';
import type { Language } from './localize.js';
import { PolicyElement, baseStyles } from './policy-element.js';

/** The parts of the summary inside, so that a store styles them as on its web pages. */
const SUMMARY_PARTS =
  'sections, section, heading, options, option, window, days, countdown, method, price, explanation, why, headline, deadline, entry, items, free, fee';

/**
 * Every policy on a counter tablet: large type, a one-tap language switch, back to the store's
 * language after a while without a touch. It needs nothing from the network once it has shown
 * the policy (give it inline, or let the page be cached). On a landscape tablet (1024 × 768 and
 * up), every delivery method's name, price, dates and slot fit the first screen beside the returns
 * headline; every target a finger can tap is at least 48 px high.
 *
 * @attr default-lang - The store's language, shown again after `idle-seconds` (default: the
 *   element's `lang` when it was connected, else the page's).
 * @attr languages - The languages offered, space-separated (default `fr es en`).
 * @attr idle-seconds - Seconds without a touch or a key before going back to `default-lang` (default 90;
 *   `0`: never).
 * @fires {CustomEvent<KioskReadyDetail>} policy-ready - `{ language }`: the language shown (`"en"` for a
 *   language without strings), each time it changes.
 * @fires {CustomEvent<PolicyErrorDetail>} policy-error - `{ issues: [{ path, message }] }`, for the kiosk's
 *   own policy or relayed from a section of the summary inside.
 * @csspart header - The shop's name and the language switch.
 * @csspart title - The shop's name.
 * @csspart switch - The language switch.
 * @csspart language - One language button.
 * @csspart summary - The policies (a `<policy-summary>`). Of its parts, these are exported: `sections`,
 *   `section`, `heading`, `options`, `option`, `window`, `days`, `countdown`, `method`, `price`,
 *   `explanation`, `why`, `headline`, `deadline`, `entry`, `items`, `free`, `fee`.
 * @cssproperty --policy-kiosk-font-size - Base font size (default `clamp(1.125rem, 0.6rem + 1vw, 1.75rem)`:
 *   20 px on a 1024 px tablet, 22 px on a 1280 px one).
 * @cssproperty --policy-target-size - Least size of what a finger taps (default `48px`).
 * @cssproperty --policy-accent - The chosen language's button (default `#1d4f3a`), and the dates.
 * @cssproperty --policy-accent-contrast - Text of the chosen language's button (default `#fff`).
 * @cssproperty --policy-radius - Corners of the buttons (default `0.4em`).
 *
 * @tag policy-kiosk
 */
export class PolicyKiosk extends PolicyElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        /* 20 px on a 1024 px tablet, 22 px on a 1280 px one: large, and every method fits. */
        font-size: var(--policy-kiosk-font-size, clamp(1.125rem, 0.6rem + 1vw, 1.75rem));
        line-height: 1.45;
        /* Inherited by the disclosures inside: a finger's size, not a mouse's. */
        --policy-target-size: 48px;
        /* A tablet on a counter: no text selection, callouts or double-tap zoom on a touch. */
        -webkit-user-select: none;
        user-select: none;
        -webkit-touch-callout: none;
        touch-action: manipulation;
      }
      [part~='header'] {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.5em 1em;
        margin-block-end: 1em;
      }
      [part~='title'] {
        font-size: 1.2em;
        font-weight: 700;
        margin: 0;
      }
      [part~='switch'] {
        display: flex;
        gap: 0.5em;
      }
      button {
        position: relative;
        min-inline-size: var(--policy-target-size);
        min-block-size: var(--policy-target-size);
        padding: 0.25em 0.9em;
        font: inherit;
        font-weight: 700;
        color: inherit;
        background: transparent;
        border: 2px solid currentColor;
        border-radius: var(--policy-radius, 0.4em);
        cursor: pointer;
      }
      button[aria-pressed='true'] {
        color: var(--policy-accent-contrast, #fff);
        background: var(--policy-accent, #1d4f3a);
        border-color: var(--policy-accent, #1d4f3a);
      }
      .visually-hidden {
        position: absolute;
        inline-size: 1px;
        block-size: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      button:focus-visible {
        outline: 3px solid var(--policy-accent, currentColor);
        outline-offset: 3px;
      }
      @media (forced-colors: active) {
        button[aria-pressed='true'] {
          color: HighlightText;
          background: Highlight;
          border-color: Highlight;
        }
      }
      /* Landscape: the sections side by side; portrait: one under the other. */
      policy-summary::part(sections) {
        display: grid;
        gap: 0.5em 1.5em;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 17em), 1fr));
      }
      /* Delivery, with every method, gets the wider column: the returns headline stays beside it. */
      @media (orientation: landscape) and (min-width: 60em) {
        policy-summary::part(sections) {
          grid-template-columns: 3fr 2fr;
        }
      }
      policy-summary::part(heading) {
        margin-block-start: 0;
        font-size: 1.15em;
      }
      policy-summary::part(option) {
        --policy-option-gap: 0.75em;
      }
      /* A link to tap, not to aim at. */
      policy-summary::part(link) {
        display: inline-block;
        min-block-size: var(--policy-target-size);
        align-content: center;
      }
    `,
  ];

  @property({ attribute: 'default-lang' }) defaultLang?: string;
  @property() languages = 'fr es en';
  @property({ type: Number, attribute: 'idle-seconds' }) idleSeconds = 90;

  /** The store's language: `default-lang`, else the `lang` the element had when connected (none: the page's). */
  private home?: string | null;
  /** The idle time: taken out of the page and put back, the kiosk still goes home when it is over. */
  private readonly idle = new ClockController(this, () => this.goHome());
  private readonly touched = () => this.restartIdle();

  override connectedCallback() {
    super.connectedCallback();
    this.home ??= this.getAttribute('lang');
    this.addEventListener('pointerdown', this.touched);
    this.addEventListener('keydown', this.touched);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.removeEventListener('pointerdown', this.touched);
    this.removeEventListener('keydown', this.touched);
  }

  /** Shows the policies in `language`, as if the shopper had tapped its button. */
  choose(language: string) {
    this.lang = language;
    this.restartIdle();
  }

  private restartIdle() {
    this.idle.at(this.idleSeconds > 0 ? Date.now() + this.idleSeconds * 1000 : undefined);
  }

  private goHome() {
    const home = this.defaultLang ?? this.home;
    if (home) this.lang = home;
    else this.removeAttribute('lang');
    // The next shopper starts from the top, with every disclosure closed.
    for (const details of this.shadowRoot?.querySelector('policy-summary')?.shadowRoot?.querySelectorAll('*') ?? []) {
      details.shadowRoot?.querySelectorAll('details[open]').forEach((d) => d.removeAttribute('open'));
    }
    this.scrollIntoView?.({ block: 'start' });
  }

  protected renderPolicy(policy: Policy, { locale, t }: Language) {
    const current = locale.split('-')[0];
    const offered = this.languages.split(/\s+/).filter(Boolean);
    const name = textIn(policy.merchant.name, locale);
    this.shown = { language: locale };
    return html`
      <div part="header">
        ${name ? html`<p part="title" lang=${ownLang(name, locale)}>${name.text}</p>` : html`<span></span>`}
        <div part="switch" role="group" aria-label=${t('kiosk.language')}>
          ${offered.map((l) => {
            const native = intl(Intl.DisplayNames, l, { type: 'language' }).of(l) ?? l;
            // The code is what shows; a screen reader also hears the language's own name.
            return html`<button type="button" part="language" lang=${l} aria-pressed=${String(l === current)} @click=${() => this.choose(l)}>
              ${l.toUpperCase()}<span class="visually-hidden">, ${native}</span>
            </button>`;
          })}
        </div>
      </div>
      <policy-summary
        part="summary"
        exportparts=${SUMMARY_PARTS}
        .policy=${policy}
        @policy-ready=${(e: Event) => e.stopPropagation()}
      ></policy-summary>
    `;
  }

  protected renderPlaceholder({ t }: Language) {
    return html`<div part="loading" aria-busy="true"><p>${t('common.loading')}</p></div>`;
  }
}
