import { wallClock } from '../core/calendar.js';

/**
 * The elements' one clock. Outside a pinned render it is the page's own: `Date.now()` (which a
 * page may move, and its tests fake) and the shopper's time zone (the browser's). A render pinned
 * to an instant reads that instant, and the time of day in that zone: on the server (an element
 * rendered at a given instant, on the shopper's clock), and in the browser for the render that
 * takes over server-rendered HTML, which must give the server's own text to hydrate it.
 */
let pinned: { at: number; zone: string | undefined } | undefined;

/** The instant to render at, in milliseconds since the epoch. */
export const now = (): number => pinned?.at ?? Date.now();

/** Runs `render` with the clock pinned to `at`, times of day read in `zone` (default: the process's). */
export function pinnedAt<T>(at: number, zone: string | undefined, render: () => T): T {
  const outer = pinned;
  pinned = { at, zone };
  try {
    return render();
  } finally {
    pinned = outer;
  }
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

/** The time of day of an instant on the shopper's clock, as "HH:MM". */
export function timeOfDay(instant: number): string {
  if (pinned?.zone) return wallClock(instant, pinned.zone).time.slice(0, 5);
  const at = new Date(instant);
  return `${twoDigits(at.getHours())}:${twoDigits(at.getMinutes())}`;
}

/**
 * Where and when a server rendered an element, as its `data-rendered-at` attribute says:
 * `2026-12-02T10:00:00.000Z[Europe/Paris]` (an instant, and the zone its times of day were read
 * in, written as RFC 9557 writes it). Read on the element or, for one the server rendered inside
 * another's shadow root, on the nearest host that has it.
 */
export function renderedAt(el: Element): { at: number; zone: string | undefined } | undefined {
  for (let node: Element | undefined = el; node; node = (node.getRootNode() as Partial<ShadowRoot>).host) {
    const value = node.getAttribute('data-rendered-at');
    if (!value) continue;
    const [, instant, zone] = /^([^[\]]+)(?:\[([^[\]]+)\])?$/.exec(value) ?? [];
    const at = Date.parse(instant ?? '');
    if (Number.isNaN(at)) return undefined;
    try {
      // A zone this browser does not know: the times of day are read on its own clock.
      if (zone) new Intl.DateTimeFormat('en', { timeZone: zone });
      return { at, zone };
    } catch {
      return { at, zone: undefined };
    }
  }
  return undefined;
}

/** The attribute's value for a render at `at`, times of day read in `zone`. */
export const renderedAtValue = (at: number, zone: string | undefined) =>
  `${new Date(at).toISOString()}${zone ? `[${zone}]` : ''}`;
