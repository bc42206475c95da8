import type { ReactiveController, ReactiveElement } from 'lit';

const HOUR = 3_600_000;

/** The clocks of connected elements that wait for an instant. One timer serves them all. */
const waiting = new Set<ClockController>();
let timer: ReturnType<typeof setTimeout> | undefined;
let watchingVisibility = false;

/**
 * Sets the one timer for the nearest instant any element waits for. Never more than an hour ahead:
 * setTimeout fires at once past 2^31 − 1 ms (about 24.8 days), and a laptop that slept or a clock
 * that was changed is caught up within the hour. Always set anew, never trusted to be still
 * pending: a page may have swapped its timer functions (fake timers in its tests) since.
 */
function arm() {
  clearTimeout(timer);
  timer = undefined;
  let next = Infinity;
  for (const clock of waiting) next = Math.min(next, clock.due ?? Infinity);
  if (next < Infinity) timer = setTimeout(wake, Math.min(Math.max(next - Date.now(), 0), HOUR));
}

/** Calls back every clock whose instant has come, on the page's clock as it reads now. */
function wake() {
  const now = Date.now();
  for (const clock of [...waiting]) if (clock.due !== undefined && clock.due <= now) clock.fire();
  arm();
}

/** Timers are held back in a hidden tab: a tab shown again is brought up to date at once. */
function shown() {
  if (document.visibilityState === 'hidden') return;
  for (const clock of waiting) clock.host.requestUpdate();
  wake();
}

/**
 * Calls an element back at an instant while it is connected: re-renders it by default (a countdown's
 * next minute, a cutoff, the merchant's midnight), or runs `onTime` (the kiosk's idle time). Taken
 * out of the page, the element waits no more; put back, it waits again, and an instant that came
 * while it was away is called back at once.
 */
export class ClockController implements ReactiveController {
  /** The instant waited for, in milliseconds on the page's clock (`Date.now()`). */
  due?: number;

  constructor(
    readonly host: ReactiveElement,
    private readonly onTime = () => host.requestUpdate(),
  ) {
    host.addController(this);
  }

  /** Waits for `instant` (ms since the epoch), replacing the instant waited for; `undefined`: none. */
  at(instant: number | undefined) {
    this.due = instant;
    if (waiting.has(this)) arm();
  }

  /** Called back by the shared timer. */
  fire() {
    this.due = undefined;
    try {
      this.onTime();
    } catch {
      // A page must never get an exception from a timer of ours; the next render waits again.
    }
  }

  hostConnected() {
    waiting.add(this);
    if (!watchingVisibility) {
      watchingVisibility = true;
      document.addEventListener('visibilitychange', shown);
    }
    wake();
  }

  hostDisconnected() {
    waiting.delete(this);
    arm();
  }
}
