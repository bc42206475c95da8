import {
  LitElement,
  ReactiveElement,
  css,
  html,
  nothing,
  render as renderInto,
  type RenderOptions,
  type CSSResult,
  type CSSResultGroup,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { property, state } from 'lit/decorators.js';
import { datedWarnings, PolicyError } from '../core/parse.js';
import type { Issue, Policy } from '../core/types.js';
import { dateRange, formatList } from './format.js';
import { LanguageController } from './language-controller.js';
import { stringsLoading, type Language } from './localize.js';
import type { CheckResult } from '../core/parse.js';
import { checkOnce, fetchPolicy, parseJson, salvagePolicyUrl } from './policy-source.js';
import { pinnedAt, renderedAt } from './time.js';

type Status =
  { name: 'loading' } | { name: 'ready'; policy: Policy } | { name: 'failed'; issues: Issue[]; policyUrl?: string };

/** The `{path, message}` list of a failure: a PolicyError's own, else the exception's message. */
function issuesOf(e: unknown): Issue[] {
  if (e instanceof PolicyError) return e.issues;
  let message: string;
  try {
    message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  } catch {
    message = 'An unexpected error.';
  }
  return [{ path: '', message }];
}

/** Whether a policy section says anything: an empty list or object is "not stated". */
export const hasContent = (section: unknown) =>
  Array.isArray(section) ? section.length > 0 : !!section && Object.keys(section).length > 0;

/** The link to the merchant's full policy, opened beside the shop. */
export const policyLink = ({ t }: Language, url: string) =>
  html`<p><a part="link" href=${url} target="_blank" rel="noopener noreferrer">${t('common.policyLink')}</a></p>`;

/** Runs `task` when the browser has nothing else to do (soon, where it cannot say); it never throws into the page. */
const whenIdle = (task: () => void) =>
  (globalThis.requestIdleCallback ?? ((t: () => void) => setTimeout(t, 0)))(() => {
    try {
      task();
    } catch {
      // Only a head start or a warning was lost.
    }
  });

const warm = new Set<string>();

/**
 * While a policy is on its way, the browser is idle: the first date and number formatted on a page
 * cost it several milliseconds each (Intl loads its data once), which would otherwise fall on the
 * first render. Once per language, when nothing else runs.
 */
function warmUp(locale: string) {
  if (warm.has(locale)) return;
  warm.add(locale);
  whenIdle(() => {
    dateRange(locale, '2026-01-05', '2026-01-09');
    formatList(locale, ['a', 'b']);
    new Intl.NumberFormat(locale).format(1);
  });
}

/** The fallback's sentence in each locale shown so far. */
const politeFallback = new Map<string, string>();

/** The warning lists already logged (checkOnce returns the same list for the same policy). */
const warned = new WeakSet<object>();

/** How many unknown fields are named one by one: 80,000 console lines blocked a page for 2 s. */
const UNKNOWN_NAMED = 20;

/** The warnings, each on its own console line, except unknown fields past a few: one line for them all. */
function logWarnings(warnings: Issue[]) {
  const isUnknown = (w: Issue) => w.message.startsWith('Unknown field');
  const unknown = warnings.filter(isUnknown);
  for (const w of unknown.length > UNKNOWN_NAMED ? warnings.filter((w) => !isUnknown(w)) : warnings) {
    console.warn(`policy-explainer: ${w.path} ${w.message}`);
  }
  if (unknown.length > UNKNOWN_NAMED) {
    const first = unknown
      .slice(0, UNKNOWN_NAMED)
      .map((w) => w.path)
      .join(', ');
    console.warn(
      `policy-explainer: ${unknown.length.toLocaleString('en')} unknown fields are ignored; the first ${UNKNOWN_NAMED}: ${first}.`,
    );
  }
}

/** The warnings of a policy, logged once however many elements show it (checkOnce gives them all the same list). */
function warnOnce(warnings: Issue[]) {
  if (!warnings.length || warned.has(warnings)) return;
  warned.add(warnings);
  logWarnings(warnings);
}

/**
 * Updates in a row, with no task in between, after which the element stops: only a loop does that
 * (a page answering each event with a change, or a built-in it broke), and it would hang the tab.
 */
const MAX_UPDATES_IN_A_ROW = 100;
/** Read at load: a page that fakes its timers later still lets the count start again. */
const realSetTimeout = globalThis.setTimeout.bind(globalThis);

/**
 * Constructed style sheets belong to the document that made them: an element made in a page and
 * put in an iframe's document gets copies made there (adoptedStyleSheets refuses the page's own).
 */
const sheetsByDocument = new WeakMap<Document, Map<CSSResult, CSSStyleSheet>>();
function sheetsFor(doc: Document, styles: readonly (CSSResult | CSSStyleSheet)[]): CSSStyleSheet[] {
  const View = doc.defaultView as (Window & typeof globalThis) | null;
  if (!View) return [];
  let made = sheetsByDocument.get(doc);
  if (!made) sheetsByDocument.set(doc, (made = new Map()));
  // Loops, not map: Lit's own adoptStyles may have failed for a page's broken Array.prototype.map.
  const sheets: CSSStyleSheet[] = [];
  for (let i = 0; i < styles.length; i++) {
    const style = styles[i]!;
    const key = style as CSSResult;
    let sheet = made.get(key);
    if (!sheet) {
      let css = '';
      if (style instanceof CSSStyleSheet)
        for (let r = 0; r < style.cssRules.length; r++) css += `${style.cssRules[r]!.cssText}\n`;
      else css = style.cssText;
      sheet = new View.CSSStyleSheet();
      sheet.replaceSync(css);
      made.set(key, sheet);
    }
    sheets[i] = sheet;
  }
  return sheets;
}
/**
 * Each element's own prototype, kept for Firefox: an element adopted into another window's document
 * (made in a page, put in an iframe's; or moved back) is given that window's bare
 * `HTMLElement.prototype` (Gecko bug 1502814), so it loses its methods and properties and throws
 * on its next lifecycle call. `adoptedCallback` puts it back.
 */
const prototypes = new WeakMap<PolicyElement, object>();
/** The policies whose date-dependent warnings were looked for. */
const dated = new WeakSet<Policy>();

type Hydrate = (value: unknown, root: ShadowRoot, options: RenderOptions) => void;
/** Lit's hydration: undefined until loaded, null if it could not be. */
let hydrate: Hydrate | null | undefined;
let hydrateLoading: Promise<unknown> | undefined;

/**
 * Loads Lit's hydration (`@lit-labs/ssr-client`, 1.9 KB), which takes server-rendered HTML over
 * as it is: fetched only by a page that has some (the embed asks as soon as it sees one).
 */
export const loadHydration = () =>
  (hydrateLoading ??= import('@lit-labs/ssr-client').then(
    (m) => (hydrate = m.hydrate as unknown as Hydrate),
    () => (hydrate = null),
  ));

/** The text a shopper reads in a rendered tree: without styles and comments (Lit's markers), spaces as one. */
function readText(root: ParentNode): string {
  let text = '';
  for (const node of root.childNodes)
    if (node.nodeType !== Node.COMMENT_NODE && node.nodeName !== 'STYLE') text += node.textContent ?? '';
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Takes the server's HTML in `root` over with `value`, the element's render of the same instant:
 * Lit's hydration keeps every node (a "why" the shopper already opened stays open) and wires
 * them for later renders. Hydration trusts each value to be what the server wrote; so the words
 * are compared first (a page's own strings, say, the server never had). False when the server's
 * HTML is not that render: then it is replaced.
 */
function takeOver(value: unknown, root: ShadowRoot, options: RenderOptions): boolean {
  if (!hydrate) return false;
  try {
    const probe = document.createElement('div');
    renderInto(value, probe, { ...options, renderBefore: undefined });
    if (readText(probe) !== readText(root)) return false;
    hydrate(value, root, options);
    return true;
  } catch {
    return false;
  }
}

const reactiveUpdate = (ReactiveElement.prototype as unknown as { update(changed: PropertyValues): void }).update;

export const baseStyles = css`
  :host {
    display: block;
    font: inherit;
    color: inherit;
    overflow-wrap: anywhere;
  }
  :host([hidden]) {
    display: none;
  }
  p {
    margin: 0 0 var(--policy-gap, 0.35em);
  }
  a {
    color: var(--policy-link-color, inherit);
  }
  /* A hyphenated word ("rendez-vous", "e-mail") never breaks at its hyphen. */
  .compound {
    white-space: nowrap;
  }
  [part~='fallback'] {
    /* Transparent, but drawn in forced colours, where the background is dropped. */
    border: 1px solid transparent;
    padding: var(--policy-padding, 0.5em 0.75em);
    border-radius: var(--policy-radius, 0.25em);
    background: var(--policy-muted-background, color-mix(in srgb, currentColor 6%, transparent));
  }
  /* Muted as explanations are, no fainter: "Loading…" is text, and must keep its contrast. */
  [part~='loading'] {
    opacity: var(--policy-muted-opacity, 0.85);
  }
  [part~='window'],
  [part~='headline'] {
    font-size: var(--policy-headline-size, 1.1em);
    font-weight: 600;
  }
  /* Merchant text keeps its own direction: right-to-left words never turn the rest around. */
  [part~='label'],
  [part~='note'],
  [part~='items'],
  [part~='title'] {
    unicode-bidi: isolate;
  }
  [part~='explanation'],
  [part~='note'],
  [part~='days'] {
    color: var(--policy-muted, inherit);
    opacity: var(--policy-muted-opacity, 0.85);
  }
  @media (forced-colors: active) {
    /* The user's own colours, at full contrast. */
    [part~='explanation'],
    [part~='note'],
    [part~='days'],
    [part~='loading'] {
      opacity: 1;
    }
  }
`;

/**
 * What every policy element shares: getting the policy (the `policy` property, an inline
 * `<script type="application/json">` child, or `src`), its language, the loading and failed
 * states, and the `policy-ready` / `policy-error` events. A subclass only renders a valid policy.
 *
 * @fires policy-ready - The element rendered the policy; `detail` says what it showed.
 * @fires policy-error - The policy could not be shown; `detail.issues` lists `{path, message}`.
 * @csspart content - The `<div>` around everything the element shows (the policy, the placeholder or
 *   the fallback), carrying the `lang` of the language shown: English on a page in a language without
 *   strings, so that screen readers pronounce it right.
 * @csspart fallback - The polite box shown instead of the policy, or the "not stated" message.
 * @csspart link - The link to the shop's full policy.
 * @csspart loading - The placeholder shown while the policy loads: a few lines. The page reserves
 *   the final height (see docs/elements.md) to keep its layout still.
 * @cssproperty --policy-headline-size - Font size of the main line, `window` or `headline` (default `1.1em`).
 * @cssproperty --policy-gap - Space below each paragraph (default `0.35em`).
 * @cssproperty --policy-muted - Colour of explanations, notes and the day count (default: inherited).
 * @cssproperty --policy-muted-opacity - Their opacity (default `0.85`).
 * @cssproperty --policy-link-color - Colour of links (default: inherited).
 * @cssproperty --policy-padding - Padding of the fallback box (default `0.5em 0.75em`).
 * @cssproperty --policy-radius - Corner radius of the fallback box (default `0.25em`).
 * @cssproperty --policy-muted-background - Background of the fallback box (default: 6% of the text colour).
 */
export abstract class PolicyElement extends LitElement {
  static override styles: CSSResultGroup = baseStyles;

  static override get observedAttributes() {
    return [...super.observedAttributes, 'lang'];
  }

  /** Address of the policy JSON file. */
  @property({ reflect: true }) src?: string;

  /** The policy itself, raw or from `parsePolicy`: wins over `src` and inline JSON. */
  @property({ attribute: false }) policy?: unknown;

  @state() private status: Status = { name: 'loading' };

  private readonly language = new LanguageController(this);

  /** The problems found while rendering the policy (a method that does not exist, say). */
  private renderIssues?: Issue[];
  private reported?: string;
  private load = 0;
  /** Updates since the event loop last turned, and the issue once they were too many. */
  private updatesInARow = 0;
  private looping?: Issue[];
  /** Set when the element rendered no text at all for a valid policy: it then shows the fallback. */
  private blank?: Issue[];

  /**
   * The content of a server-rendered shadow root, until this element's first render takes it
   * over (see update).
   */
  private serverNodes?: ChildNode[];
  /** The policy's warnings on their way into words, till logged (updateComplete waits for them). */
  private warnings?: Promise<void>;
  private settledFor?: PropertyValues<this>;
  /** Set while the element keeps the height of the server's HTML (see keepHeight), in that language. */
  private kept?: { locale: string | undefined };
  /**
   * Set while the element keeps to the server's height from below: its lines that are no part of
   * the promise (the delivery window's countdown) are left out (see update).
   */
  protected brief = false;

  /** Set while the element waits for its language's strings: nothing is shown, nothing reported. */
  private waiting = false;

  /** What the element showed, for `policy-ready`; set by `renderPolicy`. */
  protected shown?: object;

  /** The section of the policy this element shows, for the "not stated" message. */
  protected readonly section?: 'delivery' | 'returns' | 'nonRefundable' | 'cancellation';

  /** Renders a valid policy. May throw a `PolicyError` when the policy cannot answer (an unknown method). */
  protected abstract renderPolicy(policy: Policy, language: Language): TemplateResult;

  /** The placeholder shown while the policy loads: the lines every policy shows, at least. */
  protected abstract renderPlaceholder(language: Language): TemplateResult | typeof nothing;

  /** Its own `lang` is seen here, before the next render; any other change, by the controller. */
  override attributeChangedCallback(name: string, old: string | null, value: string | null) {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  constructor() {
    super();
    prototypes.set(this, new.target.prototype);
  }

  /**
   * Called on adoption into another document, before `connectedCallback` and before the page's code
   * can touch the element: Firefox has just replaced its prototype (see `prototypes`).
   */
  adoptedCallback() {
    const prototype = prototypes.get(this);
    if (prototype && Object.getPrototypeOf(this) !== prototype) Object.setPrototypeOf(this, prototype);
  }

  protected override createRenderRoot() {
    // A server-rendered (declarative) shadow root: its content stays on show, as it is, until
    // this element's render is whole (see shouldUpdate and update).
    if (!this.hasUpdated && this.shadowRoot?.firstChild) {
      this.serverNodes = Array.from(this.shadowRoot.childNodes);
      void loadHydration().then(() => this.requestUpdate());
    }
    try {
      return super.createRenderRoot();
    } catch {
      // The element was made in another document (a page putting it in an iframe's): its shadow
      // root is there, its style sheets must be made there too.
      const root = this.shadowRoot!;
      this.adoptStylesHere(root);
      this.renderOptions.renderBefore ??= root.firstChild;
      return root;
    }
  }

  override connectedCallback() {
    super.connectedCallback();
    // Moved into another document after it rendered: the sheets of the first one no longer apply
    // (an engine may also have dropped them).
    const root = this.shadowRoot;
    const constructor = this.ownerDocument.defaultView?.CSSStyleSheet;
    if (!root || !constructor) return;
    const sheets = root.adoptedStyleSheets;
    let foreign = sheets.length === 0;
    for (let i = 0; i < sheets.length; i++) if (!(sheets[i] instanceof constructor)) foreign = true;
    if (foreign) this.adoptStylesHere(root);
  }

  private adoptStylesHere(root: ShadowRoot) {
    root.adoptedStyleSheets = sheetsFor(this.ownerDocument, (this.constructor as typeof LitElement).elementStyles);
  }

  protected override shouldUpdate(changed: PropertyValues<this>) {
    if (this.updatesInARow++ === 0) realSetTimeout(() => (this.updatesInARow = 0));
    if (this.updatesInARow <= MAX_UPDATES_IN_A_ROW) {
      this.settle(changed);
      // The server's HTML stays untouched till this render can take it over whole: the strings in,
      // the policy settled, Lit's hydration loaded, and the enclosing element's taken over first.
      if (
        this.serverNodes &&
        (this.hasAttribute('defer-hydration') ||
          !this.language.current ||
          this.status.name === 'loading' ||
          hydrate === undefined)
      )
        return false;
      return super.shouldUpdate(changed);
    }
    if (!this.looping) {
      this.looping = [
        {
          path: '',
          message: `The element was updated ${MAX_UPDATES_IN_A_ROW} times in a row without a pause, so it stopped: something on the page keeps changing it.`,
        },
      ];
      // One last render, after a pause: the fallback.
      realSetTimeout(() => this.requestUpdate());
    }
    return false;
  }

  /** On the server, Lit's renderer calls willUpdate, not shouldUpdate. */
  protected override willUpdate(changed: PropertyValues<this>) {
    this.settle(changed);
  }

  /** Looks for the policy when it is new, once per update (shouldUpdate or willUpdate, whichever comes first). */
  private settle(changed: PropertyValues<this>) {
    if (this.settledFor === changed) return;
    this.settledFor = changed;
    // Never looked for yet (resolve counts each look): the first update, or the first of a server's.
    if (changed.has('policy') || changed.has('src') || this.load === 0) {
      this.keepHeight(undefined);
      this.blank = undefined;
      this.resolve();
    }
  }

  /** Settles the status from the property, inline JSON or `src`; only `src` is asynchronous. */
  private resolve() {
    const load = ++this.load;
    try {
      if (this.policy !== undefined) return this.accept(this.policy);
      // Only then: a server's elements (Lit's DOM shim) have no querySelector.
      const inline = this.querySelector(':scope > script[type="application/json"]');
      if (inline)
        return this.accept(parseJson(inline.textContent ?? '', 'the inline <script type="application/json">'));
      if (!this.src) {
        throw new PolicyError([
          { path: '', message: 'No policy given: set src, the policy property, or an inline JSON script.' },
        ]);
      }
      this.status = { name: 'loading' };
      const language = this.language.current;
      if (language) warmUp(language.locale);
      // An answer for a src that has since changed is dropped; nothing here may reject unhandled.
      fetchPolicy(new URL(this.src, document.baseURI).href)
        .then((raw) => load === this.load && this.accept(raw))
        .catch((e: unknown) => load === this.load && this.reject(e));
    } catch (e) {
      this.reject(e);
    }
  }

  private accept(raw: unknown) {
    const checked = checkOnce(raw);
    if (!(checked instanceof Promise)) {
      // Warnings for the policy's author, once in words: the shopper is not kept waiting for them.
      const logged = checked.wordsLoading?.then(({ warnings }) => {
        warnOnce(warnings);
        if (this.warnings === logged) this.warnings = undefined;
      });
      this.warnings = logged;
      return this.acceptChecked(raw, checked);
    }
    // A policy with problems: their messages load first (they are not in the shared code).
    const load = this.load;
    this.status = { name: 'loading' };
    checked.then(
      (result) => load === this.load && this.acceptChecked(raw, result),
      (e: unknown) => load === this.load && this.reject(e),
    );
  }

  private acceptChecked(raw: unknown, { policy, errors, warnings }: CheckResult) {
    warnOnce(warnings);
    // The warnings that depend on the date quote every method: not worth delaying the first render for.
    if (policy && !dated.has(policy)) {
      dated.add(policy);
      whenIdle(() =>
        datedWarnings(policy, Date.now()).forEach((w) => console.warn(`policy-explainer: ${w.path} ${w.message}`)),
      );
    }
    this.status = policy
      ? { name: 'ready', policy }
      : { name: 'failed', issues: errors, policyUrl: salvagePolicyUrl(raw) };
  }

  private reject(e: unknown) {
    this.status = { name: 'failed', issues: issuesOf(e) };
  }

  /**
   * Resolves once the element shows the policy (or the fallback) in its language: after the
   * strings of that language have come, when they had to be loaded.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    for (let pending = this.pending(); pending; pending = this.pending()) {
      await pending;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  /** What an element of this kind waits for besides its strings (code it loads when asked), if anything. */
  protected pendingWork(): Promise<unknown> | undefined {
    return undefined;
  }

  private pending() {
    return (
      stringsLoading() ??
      this.pendingWork() ??
      this.warnings ??
      (this.serverNodes && hydrate === undefined ? hydrateLoading : undefined)
    );
  }

  /**
   * The first render of server-rendered HTML is at the instant and in the zone the server
   * rendered it (`data-rendered-at`), to take it over as it is; the next, at once, on the page's
   * own clock: a page served from a cache gets the dates of today, not of the day it was made.
   */
  protected override render() {
    const server = this.serverNodes && renderedAt(this);
    return server ? pinnedAt(server.at, server.zone, () => this.renderContent()) : this.renderContent();
  }

  private renderContent() {
    let locale: string | undefined;
    this.waiting = false;
    try {
      const language = this.language.current;
      if (!language) {
        // The strings are on their way: nothing yet (the page reserves the height), never another language.
        this.waiting = !!stringsLoading();
        if (!this.waiting) throw new Error('No strings could be loaded for this language or for English.');
        return html`<div part="content"></div>`;
      }
      locale = language.locale;
      // Kept while the translations work, for the day a page breaks a built-in they use.
      if (!politeFallback.has(locale)) politeFallback.set(locale, language.t('common.fallbackNoLink'));
      // The language actually shown (English for a page in a language without strings), so that
      // screen readers pronounce it right.
      return html`<div part="content" lang=${locale}>${this.renderState(language)}</div>`;
    } catch (e) {
      // Even the fallback failed (a built-in the page broke, used by the translations): the
      // sentence kept, and the policy-error, rather than a blank element and an exception.
      this.shown = undefined;
      this.renderIssues ??= issuesOf(e);
      const message = (locale && politeFallback.get(locale)) ?? politeFallback.values().next().value ?? '';
      return html`<div part="content fallback" role="note"><p>${message}</p></div>`;
    }
  }

  private renderState(language: Language) {
    this.renderIssues = undefined;
    this.shown = undefined;
    if (this.looping ?? this.blank) {
      this.renderIssues = this.looping ?? this.blank;
      return this.renderFallback(language);
    }
    const { status } = this;
    if (status.name === 'loading') return this.renderPlaceholder(language);
    if (status.name === 'failed') return this.renderFallback(language, status.policyUrl);
    if (this.section && !hasContent(status.policy[this.section])) {
      this.renderIssues = [{ path: `/${this.section}`, message: `The policy has no "${this.section}" section.` }];
      return this.renderFallback(language, status.policy.merchant.policyUrl, true);
    }
    try {
      return this.renderPolicy(status.policy, language);
    } catch (e) {
      // Never a partial promise, and never an exception into the host page.
      this.renderIssues = issuesOf(e);
      return this.renderFallback(language, status.policy.merchant.policyUrl);
    }
  }

  private renderFallback(language: Language, policyUrl?: string, sectionMissing = false) {
    const { t } = language;
    // A section names its topic: four boxes saying the same words could be about anything.
    const topic = this.section ? `fallback.${this.section}` : 'common.fallback';
    const message = sectionMissing ? t(`${this.section}.missing`) : t(policyUrl ? topic : `${topic}NoLink`);
    return html`<div part="fallback" role="note">
      <p>${message}</p>
      ${policyUrl ? policyLink(language, policyUrl) : nothing}
    </div>`;
  }

  protected override update(changed: PropertyValues<this>) {
    const { serverNodes } = this;
    if (!serverNodes) return super.update(changed);
    // The first render of server-rendered HTML, whole (see shouldUpdate), at the server's instant.
    const value = this.render();
    this.serverNodes = undefined;
    reactiveUpdate.call(this, changed);
    const root = this.renderRoot as ShadowRoot;
    this.renderOptions.isConnected = this.isConnected;
    // Lit keeps its render in the root (not before the server's first node, as for a new root).
    this.renderOptions.renderBefore = undefined;
    const serverHeight = this.getBoundingClientRect().height;
    if (!takeOver(value, root, this.renderOptions)) {
      // Not the server's HTML for this render: replaced (no flash of a placeholder, no text twice).
      for (const node of serverNodes) node.remove();
    }
    // Then at once, in the same task, on the page's own clock. A correction that would push the
    // page down (a countdown to a cutoff the server's page was made after) leaves out what is no
    // part of the promise: the dates are today's, the page does not move.
    renderInto(this.render(), root, this.renderOptions);
    if (this.getBoundingClientRect().height > serverHeight + 0.5) {
      this.brief = true;
      renderInto(this.render(), root, this.renderOptions);
    }
    this.keepHeight(serverHeight);
    // The elements inside, which the server marked `defer-hydration` (taken off by the take-over,
    // which also gave them their policy), may now take their own HTML over.
    for (const inner of root.querySelectorAll('*')) if (inner instanceof PolicyElement) inner.requestUpdate();
  }

  /**
   * A page served from a cache corrects its text at once, on the page's clock: a window or a
   * deadline that is no longer true never stays on show. That correction moves nothing: when it is
   * shorter than the server's HTML (a countdown whose cutoff has passed), the element keeps the
   * server's height; when it would be longer, it is brief (see update). Both till its policy or
   * language changes.
   */
  private keepHeight(serverHeight: number | undefined) {
    // Its own content (:scope matches nothing in a shadow root): the last, after the server's styles.
    const last = this.renderRoot?.lastElementChild as HTMLElement | null | undefined;
    const content = last?.matches('[part~="content"]') ? last : undefined;
    if (serverHeight === undefined) {
      if (!this.kept) return;
      this.kept = undefined;
      if (content) content.style.minHeight = '';
      if (this.brief) {
        this.brief = false;
        this.requestUpdate();
      }
      return;
    }
    if (!content) return;
    const short = serverHeight - this.getBoundingClientRect().height;
    if (short > 0.5) content.style.minHeight = `${content.getBoundingClientRect().height + short}px`;
    if (short > 0.5 || this.brief) this.kept = { locale: this.language.current?.locale };
  }

  protected override updated() {
    if (this.kept && this.kept.locale !== this.language.current?.locale) this.keepHeight(undefined);
    if (this.waiting) return;
    const issues = this.status.name === 'failed' ? this.status.issues : this.renderIssues;
    if (!issues && !this.shown) return;
    if (!issues && !this.renderRoot.textContent?.trim()) {
      // Nothing to read, yet "ready": a built-in the page broke emptied what was rendered.
      this.blank = [
        {
          path: '',
          message: 'The element rendered no text: a script on the page may have changed a built-in function.',
        },
      ];
      this.requestUpdate();
      return;
    }
    const init = { bubbles: true, composed: true };
    const event = issues
      ? new CustomEvent('policy-error', { ...init, detail: { issues } })
      : new CustomEvent('policy-ready', { ...init, detail: this.shown });
    // Once per change of what is shown, however often the element renders.
    const key = JSON.stringify([event.type, event.detail]);
    if (key === this.reported) return;
    this.reported = key;
    try {
      if (issues)
        console.error(`policy-explainer: ${issues.map((i) => `${i.path || '(policy)'} ${i.message}`).join('\n')}`);
    } catch {
      // A built-in the page broke: the event still goes out.
    }
    this.dispatchEvent(event);
  }
}
