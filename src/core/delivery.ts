import { quoteMethod } from './arithmetic.js';
import { ISO_HINT, describe, readInstant } from './calendar.js';
import { own, parsePolicy, PolicyError } from './parse.js';
import type { DeliveryMethod, DeliveryQuote, Policy } from './types.js';

/** Picks the named method, else the first serving `country`, else the first one. */
export function deliveryMethod(policy: Policy, options: { method?: string; country?: string } = {}): DeliveryMethod {
  // Own properties only: a page's Object.prototype.method must not pick the method.
  const [method, country] = [
    own(options, 'method') as string | undefined,
    own(options, 'country') as string | undefined,
  ];
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
  /**
   * The order instant; default: now. An ISO 8601 string without an offset ("2026-03-02T13:30") is a
   * reading of the merchant's clock; a number is milliseconds since 1970.
   */
  now?: Date | string | number;
}

/** The delivery window to quote for an order placed at `now`, per the spec's arithmetic. */
export function quoteDelivery(input: Policy | unknown, options: QuoteOptions = {}): DeliveryQuote {
  const policy = parsePolicy(input);
  const m = deliveryMethod(policy, options);
  // Date.now(), not new Date(): a page that moves only Date.now() still gets the dates of its clock.
  const given = own(options, 'now') as QuoteOptions['now'];
  const now = readInstant(given ?? Date.now(), policy.merchant.timeZone, `"now" (${describe(given)})`);
  if (Number.isNaN(now))
    throw new PolicyError([{ path: '', message: `"now" is not a valid instant: ${describe(given)}. ${ISO_HINT}` }]);
  return quoteMethod(policy, m, now);
}
