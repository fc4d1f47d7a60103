import { createHash } from 'node:crypto';

/**
 * A name AWS accepts for an RDS instance or an ElastiCache replication group: the parts joined
 * by `-`, never two hyphens in a row (both refuse them; a service name may have them), and at
 * most `maxLength` characters. A name too long keeps its start and ends with a hash of the
 * whole, so two long names never meet.
 * @example awsResourceName(['slipway-prod', 'ledger', 'cache'], 40) // 'slipway-prod-ledger-cache'
 */
export function awsResourceName(parts: readonly string[], maxLength: number): string {
  const name = parts.join('-').replace(/-{2,}/g, '-');
  if (name.length <= maxLength) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  const start = name.slice(0, maxLength - hash.length - 1).replace(/-+$/, '');
  return `${start}-${hash}`;
}
