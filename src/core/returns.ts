import { lastReturnDay } from './arithmetic.js';
import { isoDay, parseDay } from './calendar.js';
import { parsePolicy, PolicyError } from './parse.js';
import type { LocalDate, Policy } from './types.js';

/**
 * The last day to send an item back when it was delivered on `deliveredOn`: that date plus the
 * return window in calendar days, moved to the next business day when it falls on a closed day
 * (to the customer's benefit, as EU Regulation 1182/71 does for legal periods).
 */
export function returnDeadline(input: Policy | unknown, deliveredOn: LocalDate): LocalDate {
  const policy = parsePolicy(input);
  if (!policy.returns) throw new PolicyError([{ path: '/returns', message: 'The policy has no returns section.' }]);
  const delivered = parseDay(deliveredOn);
  if (delivered === undefined) {
    throw new PolicyError([
      { path: '', message: `The delivery date must be a real date written YYYY-MM-DD (found "${deliveredOn}").` },
    ]);
  }
  return isoDay(lastReturnDay(policy, delivered));
}
