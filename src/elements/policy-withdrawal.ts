import { css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { isEmail, PolicyError } from '../core/parse.js';
import type { Policy, WithdrawalAcknowledgement, WithdrawalRequest } from '../core/types.js';
import { intl, sentence } from './format.js';
import type { WithdrawalReadyDetail } from './events.js';
import type { Language } from './localize.js';
import { baseStyles, PolicyElement } from './policy-element.js';

/** The steps of a withdrawal, in order; `failed` keeps the form filled, ready to send again. */
export type WithdrawalStep = WithdrawalReadyDetail['step'];

type Field = 'name' | 'order' | 'email';
const FIELDS: readonly Field[] = ['name', 'order', 'email'];
type Values = Record<Field, string>;

/** How long the endpoint has to answer before the element says the withdrawal was not sent. */
const DEFAULT_TIMEOUT = 15_000;

/** A 2xx answer's JSON, when it is an acknowledgement: a non-empty `id` and an instant `receivedAt`. */
function acknowledgementOf(body: unknown): WithdrawalAcknowledgement | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { id, receivedAt } = body as Record<string, unknown>;
  const idText = typeof id === 'number' && Number.isFinite(id) ? String(id) : id;
  if (typeof idText !== 'string' || !idText.trim() || idText.length > 200) return undefined;
  if (typeof receivedAt !== 'string' || Number.isNaN(Date.parse(receivedAt))) return undefined;
  return { id: idText, receivedAt };
}

/**
 * The EU withdrawal function (Directive 2011/83/EU art. 11a, since 19 June 2026): a clearly
 * labelled "Withdraw from contract here", then a form asking only the name, the order number and
 * the e-mail address for the acknowledgement, then a separate "Confirm withdrawal" step. Only
 * then is anything sent: a POST of JSON `{ name, order, email, lang, submittedAt }` to the
 * policy's `withdrawal.endpoint`. A 2xx answer `{ id, receivedAt }` is the acknowledgement, shown
 * with the date and time received in the shop's time zone. Any other answer, a network error or a
 * time-out keeps everything typed, says so, and offers `withdrawal.email` as the way to withdraw by
 * e-mail instead. The policy needs `withdrawal.endpoint`; without it the element shows the fallback.
 *
 * @attr order - An order number to fill the form with (an order page knows it); the shopper can change it.
 * @attr {number} heading-level - Level of the heading of each step, 2 to 6 (default 2; any other value gives 2):
 *   the level below the page's own heading above the element.
 * @attr {number} timeout - Milliseconds the endpoint has to answer before the withdrawal counts as not sent
 *   (default 15000).
 * @fires {CustomEvent<WithdrawalReadyDetail>} policy-ready - At each step: `{ step }` (`start`, `form`,
 *   `confirm`, `sending`, `sent`, `failed`), with `acknowledgement` (`{ id, receivedAt }`) once sent.
 * @fires {CustomEvent<PolicyErrorDetail>} policy-error - The policy could not be shown; `detail.issues` lists `{path, message}`.
 * @csspart intro - The withdrawal period, before the button.
 * @csspart start - The "Withdraw from contract here" button.
 * @csspart form - The form.
 * @csspart title - The heading of each step.
 * @csspart field - A label, its input and its error.
 * @csspart input - An input.
 * @csspart error - The message under a field that needs correcting.
 * @csspart summary - What will be sent, shown on the confirmation step.
 * @csspart button - Every button.
 * @csspart confirm - The "Confirm withdrawal" button.
 * @csspart change - The button back to the form.
 * @csspart continue - The button from the form to the confirmation step.
 * @csspart result - The acknowledgement: date and time received, and its number.
 * @csspart failure - Why the withdrawal was not sent, with the e-mail fallback.
 * @csspart email - The e-mail fallback link.
 * @cssproperty --policy-button-background - Background of the buttons (default: transparent).
 * @cssproperty --policy-button-color - Text colour of the buttons (default: inherited).
 * @cssproperty --policy-error-color - Colour of the messages under fields and of the failure's border (default `#b00020`).
 * @cssproperty --policy-focus-color - Colour of the focus ring (default: the text colour).
 *
 * @tag policy-withdrawal
 */
export class PolicyWithdrawal extends PolicyElement {
  static override styles = [
    baseStyles,
    css`
      form {
        margin: 0;
      }
      [part~='title'] {
        font-size: var(--policy-headline-size, 1.1em);
        font-weight: 600;
        margin: 0 0 var(--policy-gap, 0.35em);
      }
      [part~='field'] {
        margin: 0 0 0.85em;
      }
      label {
        display: block;
        font-weight: 600;
        margin-bottom: 0.25em;
      }
      input,
      button {
        font: inherit;
        box-sizing: border-box;
        min-height: 48px;
      }
      input {
        width: 100%;
        max-width: 28em;
        padding: 0.5em 0.75em;
        border: 1px solid currentColor;
        border-radius: var(--policy-radius, 0.25em);
        background: Field;
        color: FieldText;
      }
      input[aria-invalid='true'] {
        border: 2px solid var(--policy-error-color, #b00020);
      }
      button {
        min-width: 48px;
        padding: 0.5em 1.25em;
        border: 2px solid currentColor;
        border-radius: var(--policy-radius, 0.25em);
        background: var(--policy-button-background, transparent);
        color: var(--policy-button-color, inherit);
        cursor: pointer;
        font-weight: 600;
      }
      button[disabled] {
        cursor: progress;
      }
      :focus-visible,
      [tabindex='-1']:focus {
        outline: 3px solid var(--policy-focus-color, currentColor);
        outline-offset: 2px;
      }
      [part~='error'] {
        color: var(--policy-error-color, #b00020);
        margin: 0.25em 0 0;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75em;
        margin-top: 0.5em;
      }
      [part~='summary'] {
        margin: 0 0 0.5em;
      }
      [part~='summary'] dt {
        font-weight: 600;
      }
      [part~='summary'] dd {
        margin: 0 0 0.35em;
        unicode-bidi: isolate;
      }
      [part~='failure'] {
        border: 2px solid var(--policy-error-color, #b00020);
        border-radius: var(--policy-radius, 0.25em);
        padding: var(--policy-padding, 0.5em 0.75em);
        margin: 0 0 0.85em;
      }
      [part~='email'] {
        display: inline-flex;
        align-items: center;
        min-height: 48px;
      }
    `,
  ];

  @property() order?: string;

  @property({ type: Number }) timeout = DEFAULT_TIMEOUT;

  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private step: WithdrawalStep = 'start';
  @state() private values: Values = { name: '', order: '', email: '' };
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private failure?: 'network' | 'response';
  @state() private acknowledgement?: WithdrawalAcknowledgement;
  /** What to focus once the step is drawn: the place the shopper's attention belongs. */
  private focusNext?: string;
  /** Whether the shopper changed the order number: then `order` no longer overwrites it. */
  private orderTyped = false;

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    if (changed.has('order') && !this.orderTyped) this.values = { ...this.values, order: this.order ?? '' };
  }

  protected renderPolicy(policy: Policy, language: Language) {
    const withdrawal = policy.withdrawal;
    if (!withdrawal?.endpoint) {
      throw new PolicyError([
        {
          path: '/withdrawal/endpoint',
          message: 'The policy gives no withdrawal endpoint: <policy-withdrawal> has nowhere to send a withdrawal.',
        },
      ]);
    }
    const { t } = language;
    this.shown = { step: this.step, ...(this.acknowledgement && { acknowledgement: this.acknowledgement }) };
    if (this.step === 'sent') return this.renderSent(policy, language);
    if (this.step === 'start') {
      return html`${
        withdrawal.days ? html`<p part="intro">${t('withdrawal.intro', { count: withdrawal.days })}</p>` : nothing
      }
        <button part="button start" type="button" @click=${this.open}>
          ${t('withdrawal.start')}
        </button>`;
    }
    const confirming = this.step === 'confirm' || this.step === 'sending';
    return html`<form
      part="form"
      novalidate
      aria-labelledby="title"
      @submit=${(e: Event) => this.submit(e, withdrawal.endpoint!, language)}
    >
      <div id="title" part="title" role="heading" aria-level=${this.level()} tabindex="-1">
        ${confirming ? t('withdrawal.confirmTitle') : t('withdrawal.formTitle')}
      </div>
      ${this.step === 'failed' ? this.renderFailure(withdrawal.email, language) : nothing}
      ${confirming ? this.renderSummary(language) : this.renderFields(language)}
    </form>`;
  }

  /** The headings' level: `heading-level` when it is 2 to 6, else 2. */
  private level() {
    const level = Number(this.headingLevel);
    return Number.isInteger(level) && level >= 2 && level <= 6 ? level : 2;
  }

  private renderFields({ t }: Language) {
    const failed = this.step === 'failed';
    return html`<p>${t('withdrawal.formIntro')}</p>
      ${FIELDS.map((field) => {
        const error = this.errors[field];
        return html`<div part="field">
          <label for=${field}>${t(`withdrawal.${field}`)}</label>
          <input
            id=${field}
            name=${field}
            part="input"
            type=${field === 'email' ? 'email' : 'text'}
            autocomplete=${field === 'name' ? 'name' : field === 'email' ? 'email' : 'off'}
            required
            aria-required="true"
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${error ? `${field}-error` : nothing}
            .value=${live(this.values[field])}
            @input=${(e: Event) => this.typed(field, (e.target as HTMLInputElement).value)}
          />
          ${error ? html`<p id="${field}-error" part="error">${t(`withdrawal.${error}`)}</p>` : nothing}
        </div>`;
      })}
      <div class="actions">
        ${
          failed
            ? html`<button part="button confirm" type="submit">${t('withdrawal.confirm')}</button>`
            : html`<button part="button continue" type="submit">${t('withdrawal.continue')}</button>`
        }
      </div>`;
  }

  private renderSummary({ t }: Language) {
    const sending = this.step === 'sending';
    return html`<p>${t('withdrawal.confirmIntro')}</p>
      <dl part="summary">
        ${FIELDS.map((field) => html`<dt>${t(`withdrawal.${field}`)}</dt><dd>${this.values[field].trim()}</dd>`)}
      </dl>
      <div class="actions">
        <button part="button confirm" type="submit" ?disabled=${sending} aria-describedby=${sending ? 'sending' : nothing}>
          ${t('withdrawal.confirm')}
        </button>
        <button part="button change" type="button" ?disabled=${sending} @click=${this.change}>
          ${t('withdrawal.change')}
        </button>
      </div>
      ${sending ? html`<p id="sending" role="status">${t('withdrawal.sending')}</p>` : nothing}`;
  }

  private renderFailure(email: string | undefined, { t }: Language) {
    const { name, order, email: from } = this.trimmed();
    const mailto =
      email &&
      `mailto:${email}?subject=${encodeURIComponent(t('withdrawal.mailSubject', { order }))}&body=${encodeURIComponent(
        t('withdrawal.mailBody', { order, name, email: from }),
      )}`;
    return html`<div part="failure" id="failure" role="alert" tabindex="-1">
      <p>${t(this.failure === 'network' ? 'withdrawal.failedNetwork' : 'withdrawal.failedResponse')}</p>
      <p>
        ${
          email
            ? sentence((m) => t('withdrawal.failedEmail', m), {
                email: html`<a part="link email" href=${mailto}>${email}</a>`,
              })
            : t('withdrawal.failedRetry')
        }
      </p>
    </div>`;
  }

  private renderSent(policy: Policy, { locale, t }: Language) {
    const { id, receivedAt } = this.acknowledgement!;
    const { timeZone } = policy.merchant;
    const at = new Date(receivedAt);
    const when = intl(Intl.DateTimeFormat, locale, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(at);
    const zone =
      intl(Intl.DateTimeFormat, locale, { timeZone, timeZoneName: 'longGeneric' })
        .formatToParts(at)
        .find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
    return html`<div part="result" id="result" role="status" tabindex="-1" aria-labelledby="title">
      <div id="title" part="title" role="heading" aria-level=${this.level()}>${t('withdrawal.doneTitle')}</div>
      <p>
        ${sentence((m) => t('withdrawal.received', m), {
          when: html`<time datetime=${receivedAt}>${when}</time>`,
          zone,
        })}
      </p>
      <p>${t('withdrawal.reference', { id })}</p>
      <p>${t('withdrawal.copySent', { email: this.values.email.trim() })}</p>
    </div>`;
  }

  protected renderPlaceholder({ t }: Language) {
    return html`<div part="loading" aria-busy="true"><p>${t('common.loading')}</p><p>&nbsp;</p></div>`;
  }

  protected override updated() {
    super.updated();
    if (!this.focusNext) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.focusNext);
    this.focusNext = undefined;
    target?.focus();
  }

  private open() {
    this.step = 'form';
    this.focusNext = '#name';
  }

  private change() {
    this.step = 'form';
    this.focusNext = '#name';
  }

  private typed(field: Field, value: string) {
    if (field === 'order') this.orderTyped = true;
    this.values = { ...this.values, [field]: value };
    // A correction clears its message at once; a new one waits for the next submit.
    if (this.errors[field] && !this.check()[field]) this.errors = { ...this.errors, [field]: undefined };
  }

  private trimmed(): Values {
    const { name, order, email } = this.values;
    return { name: name.trim(), order: order.trim(), email: email.trim() };
  }

  /** The message key of each field that needs correcting. */
  private check(): Partial<Record<Field, string>> {
    const { name, order, email } = this.trimmed();
    const errors: Partial<Record<Field, string>> = {};
    if (!name) errors.name = 'nameMissing';
    if (!order) errors.order = 'orderMissing';
    if (!email) errors.email = 'emailMissing';
    else if (!isEmail(email)) errors.email = 'emailInvalid';
    return errors;
  }

  private submit(e: Event, endpoint: string, { locale }: Language) {
    e.preventDefault();
    if (this.step === 'sending') return;
    if (this.step === 'confirm') return void this.send(endpoint, locale);
    const errors = this.check();
    this.errors = errors;
    const first = FIELDS.find((f) => errors[f]);
    if (first) {
      this.focusNext = `#${first}`;
      return;
    }
    if (this.step === 'failed') return void this.send(endpoint, locale);
    this.step = 'confirm';
    this.focusNext = '#title';
  }

  /** POSTs the withdrawal; only ever called from the confirmation (or, after a failure, the filled form). */
  private async send(endpoint: string, lang: string) {
    this.step = 'sending';
    const request: WithdrawalRequest = { ...this.trimmed(), lang, submittedAt: new Date().toISOString() };
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeout);
    let failure: 'network' | 'response' = 'network';
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(request),
        signal: controller.signal,
      });
      failure = 'response';
      const acknowledgement = response.ok ? acknowledgementOf(await response.json()) : undefined;
      if (!acknowledgement) throw new Error(`The endpoint answered ${response.status} without an acknowledgement.`);
      this.acknowledgement = acknowledgement;
      this.failure = undefined;
      this.step = 'sent';
      this.focusNext = '#result';
    } catch {
      // Nothing typed is lost: the values stay, and the form comes back filled.
      this.failure = failure;
      this.step = 'failed';
      this.focusNext = '#failure';
    } finally {
      clearTimeout(timer);
    }
  }
}
