import {
  OpenDays,
  instantMs,
  isoDay,
  isoInstant,
  msOf,
  nextDay,
  parseDay,
  timeOfDay,
  wallClock,
  type Day,
} from './calendar.js';
import { PolicyError } from './errors.js';
import type { DeliveryMethod, DeliveryQuote, Policy } from './types.js';

/*
 * The spec's arithmetic on a policy that is already parsed. It never parses or throws itself,
 * so that the validator can use it too (to see how far ahead the policy's dates reach).
 */

/** The window of one method for an order placed at `now` ("Delivery arithmetic", steps 1 to 6). */
export function quoteMethod(policy: Policy, m: DeliveryMethod, now: Date | number): DeliveryQuote {
  const { timeZone } = policy.merchant;
  const { holidays } = policy.calendar;
  const businessDays = OpenDays.of(policy.calendar.businessDays, holidays);
  const deliveryDays = OpenDays.of(policy.calendar.deliveryDays, holidays);
  const local = wallClock(now, timeZone);
  const today = parseDay(local.date)!;

  // Step 1: the wall-clock reading against the cutoff, also on a daylight-saving night.
  const inTime = !m.cutoff || local.time < `${m.cutoff}:00`;
  const received = inTime && businessDays.has(today) ? today : businessDays.advance(nextDay(today), 0);
  const ship = (h: number) => businessDays.advance(received, h);
  const arrive = (d: Day, t: number) => isoDay(deliveryDays.advance(d, t));

  const { handlingDays: h, transitDays: t, padding: p } = m;
  const quote: DeliveryQuote = {
    method: m.id,
    received: isoDay(received),
    actual: {
      earliest: arrive(ship(h.min), t.min),
      latest: arrive(ship(h.max), t.max),
      minDays: h.min + t.min,
      maxDays: h.max + t.max,
    },
    quoted: {
      earliest: arrive(ship(h.min), t.min + p.min),
      latest: arrive(ship(h.max), t.max + p.max),
      minDays: h.min + t.min + p.min,
      maxDays: h.max + t.max + p.max,
    },
  };
  if (m.cutoff && quote.received === local.date) {
    // From `now` on: on the night the clocks go back, the cutoff's second showing may be the one ahead.
    quote.cutoff = isoInstant(instantMs(today, timeOfDay(m.cutoff), timeZone, msOf(now)));
  }
  const wrong = selfCheck(quote, local.date);
  if (wrong) {
    throw new PolicyError([
      {
        path: '',
        message: `The dates worked out fail their own check (${wrong}): a script on the page may have changed a built-in function. No dates are given rather than wrong ones.`,
      },
    ]);
  }
  return quote;
}

/**
 * What is wrong with a quote, if anything: the quoted window must contain the carrier's, start no
 * earlier than the order is received, and be real dates. Only a policy changed behind the
 * validator's back or a built-in a page replaced can fail it; a wrong promise is worse than none.
 */
function selfCheck({ received, actual, quoted }: DeliveryQuote, today: string): string | undefined {
  const dates = [received, actual.earliest, actual.latest, quoted.earliest, quoted.latest];
  for (let i = 0; i < dates.length; i++) {
    const d = dates[i]!;
    if (typeof d !== 'string' || parseDay(d) === undefined || isoDay(parseDay(d)!) !== d) return `"${d}" is not a date`;
  }
  if (!(received >= today)) return 'received before today';
  if (!(actual.earliest >= received && actual.earliest <= actual.latest)) return "the carrier's window";
  if (!(quoted.earliest >= actual.earliest && quoted.latest >= actual.latest && quoted.earliest <= quoted.latest))
    return "the quoted window does not contain the carrier's";
  if (!(quoted.minDays >= actual.minDays && quoted.maxDays >= actual.maxDays && actual.minDays >= 0))
    return 'the day counts';
  return undefined;
}

/**
 * The last day to send back an item delivered on `delivered`: plus the return window in calendar
 * days, moved to the next business day when that day is closed. The policy must have `returns`.
 */
export function lastReturnDay(policy: Policy, delivered: Day): Day {
  const businessDays = OpenDays.of(policy.calendar.businessDays, policy.calendar.holidays);
  return businessDays.advance(nextDay(delivered, policy.returns!.windowDays), 0);
}
