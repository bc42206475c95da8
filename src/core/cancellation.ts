import { ISO_HINT, describe, isoInstant, readInstant } from './calendar.js';
import { parsePolicy, PolicyError } from './parse.js';
import type { Policy } from './types.js';

const HOUR = 3_600_000;

/**
 * Until when an order placed at `orderedAt` (a Date, or an ISO string: without an offset, a reading
 * of the merchant's clock) can be cancelled free of charge, as an ISO instant,
 * when the policy gives the free period in hours. Undefined when it lasts until shipment (a
 * moment no one knows in advance) or when there is no free period.
 */
export function freeCancellationEnd(input: Policy | unknown, orderedAt: Date | string | number): string | undefined {
  const policy = parsePolicy(input);
  if (!policy.cancellation)
    throw new PolicyError([{ path: '/cancellation', message: 'The policy has no cancellation section.' }]);
  const ordered = readInstant(orderedAt, policy.merchant.timeZone, `The order instant (${describe(orderedAt)})`);
  if (Number.isNaN(ordered)) {
    throw new PolicyError([
      { path: '', message: `The order instant is not a valid instant: ${describe(orderedAt)}. ${ISO_HINT}` },
    ]);
  }
  const free = policy.cancellation.free;
  return free && 'withinHours' in free ? isoInstant(ordered + free.withinHours * HOUR) : undefined;
}
