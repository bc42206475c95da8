import { OpenDays, instantMs, isoDay, isoInstant, msOf, nextDay, parseDay, timeOfDay, wallClock, type Day } from './calendar.js';
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
  return quote;
}

/**
 * The last day to send back an item delivered on `delivered`: plus the return window in calendar
 * days, moved to the next business day when that day is closed. The policy must have `returns`.
 */
export function lastReturnDay(policy: Policy, delivered: Day): Day {
  const businessDays = OpenDays.of(policy.calendar.businessDays, policy.calendar.holidays);
  return businessDays.advance(nextDay(delivered, policy.returns!.windowDays), 0);
}
