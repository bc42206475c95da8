import { OpenDays, instantAt, isoDay, nextDay, parseDay, wallClock, type Day } from './calendar.js';
import { parsePolicy, PolicyError } from './parse.js';
import type { DeliveryMethod, DeliveryQuote, Policy } from './types.js';

/** Picks the named method, else the first serving `country`, else the first one. */
export function deliveryMethod(policy: Policy, { method, country }: { method?: string; country?: string } = {}): DeliveryMethod {
  const methods = policy.delivery?.methods;
  if (!methods) throw new PolicyError([{ path: '/delivery', message: 'The policy has no delivery section.' }]);
  const found = method
    ? methods.find((m) => m.id === method)
    : country
      ? methods.find((m) => !m.countries || m.countries.includes(country.toUpperCase()))
      : methods[0];
  if (!found) {
    throw new PolicyError([
      {
        path: '/delivery/methods',
        message: method
          ? `No delivery method has the id "${method}" (the policy has ${methods.map((m) => `"${m.id}"`).join(', ')}).`
          : `No delivery method serves the country "${country}".`,
      },
    ]);
  }
  return found;
}

export interface QuoteOptions {
  /** The id of the method; default: the first serving `country`, else the first. */
  method?: string;
  /** The destination country (ISO 3166-1), used when no method is named. */
  country?: string;
  /** The order instant; default: now. */
  now?: Date | string;
}

/** The delivery window to quote for an order placed at `now`, per the spec's arithmetic. */
export function quoteDelivery(input: Policy | unknown, options: QuoteOptions = {}): DeliveryQuote {
  const policy = parsePolicy(input);
  const m = deliveryMethod(policy, options);
  const now = options.now === undefined ? new Date() : new Date(options.now);
  if (Number.isNaN(now.getTime())) {
    throw new PolicyError([{ path: '', message: `"now" is not a valid instant: ${String(options.now)}.` }]);
  }
  const { timeZone } = policy.merchant;
  const { holidays } = policy.calendar;
  const businessDays = new OpenDays(policy.calendar.businessDays, holidays);
  const deliveryDays = new OpenDays(policy.calendar.deliveryDays, holidays);
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
    quote.cutoff = instantAt(local.date, m.cutoff, timeZone, now.getTime()).toISOString();
  }
  return quote;
}

