import sinon from 'sinon';
import full from '../fixtures/examples/policy-full.json' with { type: 'json' };
import es from '../fixtures/examples/policy-es.json' with { type: 'json' };

/** Fresh copies, so that a test may change one without touching another. */
export const policyFull = () => structuredClone(full) as Record<string, any>;
export const policyEs = () => structuredClone(es) as Record<string, any>;

/** The visible text of an element's shadow root, whitespace collapsed. */
export const textOf = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The `datetime` of every `<time>` in the shadow root. */
export const timesOf = (el: Element) =>
  [...(el.shadowRoot?.querySelectorAll('time') ?? [])].map((t) => t.getAttribute('datetime'));

export const part = (el: Element, name: string) => el.shadowRoot?.querySelector(`[part~="${name}"]`) ?? null;

/** Resolves with the element's next event of this type. */
export const nextEvent = <T = unknown>(el: EventTarget, type: string) =>
  new Promise<CustomEvent<T>>((resolve) =>
    el.addEventListener(type, (e) => resolve(e as CustomEvent<T>), { once: true }),
  );

/**
 * The page's clock set to `instant` (Date only, unless `timers` fakes setTimeout too), until the
 * returned clock's restore(): for what depends on today, such as a deadline already past.
 */
export const clockAt = (instant: string, timers = false) =>
  sinon.useFakeTimers({ now: new Date(instant), toFake: timers ? ['Date', 'setTimeout', 'clearTimeout'] : ['Date'] });
