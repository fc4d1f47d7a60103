import { createHash } from 'node:crypto';

/**
 * A Google Cloud resource name from its parts (`slipway-prod`, the service, the kind), within
 * the resource's length limit: a name too long keeps its beginning and ends in a short hash of
 * the whole, so two long service names never meet.
 * @example gcpResourceName(['slipway-prod', 'ledger', 'cache'], 40) // 'slipway-prod-ledger-cache'
 */
export function gcpResourceName(parts: readonly string[], maxLength: number): string {
  const whole = parts.join('-').toLowerCase();
  if (whole.length <= maxLength) return whole;
  const hash = createHash('sha256').update(whole).digest('hex').slice(0, 6);
  const kept = whole.slice(0, maxLength - hash.length - 1).replace(/-+$/, '');
  return `${kept}-${hash}`;
}
