import { instantOf } from './calendar.js';
import { parsePolicy, PolicyError } from './parse.js';
import type { Policy } from './types.js';

const HOUR = 3_600_000;

/**
 * Until when an order placed at `orderedAt` (a Date, or an ISO string: without an offset, a reading
 * of the merchant's clock) can be cancelled free of charge, as an ISO instant,
 * when the policy gives the free period in hours. Undefined when it lasts until shipment (a
 * moment no one knows in advance) or when there is no free period.
 */
export function freeCancellationEnd(input: Policy | unknown, orderedAt: Date | string): string | undefined {
  const policy = parsePolicy(input);
  if (!policy.cancellation) throw new PolicyError([{ path: '/cancellation', message: 'The policy has no cancellation section.' }]);
  const ordered = instantOf(orderedAt, policy.merchant.timeZone);
  if (Number.isNaN(ordered.getTime())) {
    throw new PolicyError([{ path: '', message: `The order instant must be an ISO date and time (found "${String(orderedAt)}").` }]);
  }
  const free = policy.cancellation.free;
  return free && 'withinHours' in free ? new Date(ordered.getTime() + free.withinHours * HOUR).toISOString() : undefined;
}
