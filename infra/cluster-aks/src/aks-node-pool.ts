/** Size and shape of the autoscaling node pool. */
export interface AksNodePoolArgs {
  /** Azure VM size of every node. Default: `Standard_D2s_v5` (2 vCPU, 8 GiB). */
  readonly vmSize?: string;
  /** Fewest nodes across all zones; at least one per zone keeps the pool zone-redundant. Default: 3. */
  readonly minCount?: number;
  /** Most nodes the cluster autoscaler may add. Default: 9. */
  readonly maxCount?: number;
  /** OS disk size of each node in GB. Default: 64. */
  readonly osDiskSizeGB?: number;
}

/** The node pool settings once defaults are applied. */
export type ResolvedAksNodePool = Required<AksNodePoolArgs>;

/**
 * Applies the node pool defaults and rejects settings the cluster could not
 * run with, naming the offending field.
 *
 * @example
 * resolveAksNodePool({ maxCount: 12 }); // { vmSize: 'Standard_D2s_v5', minCount: 3, maxCount: 12, osDiskSizeGB: 64 }
 */
export function resolveAksNodePool(pool: AksNodePoolArgs = {}): ResolvedAksNodePool {
  const resolved = {
    vmSize: pool.vmSize ?? 'Standard_D2s_v5',
    minCount: pool.minCount ?? 3,
    maxCount: pool.maxCount ?? 9,
    osDiskSizeGB: pool.osDiskSizeGB ?? 64,
  };
  if (!Number.isInteger(resolved.minCount) || resolved.minCount < 1) {
    throw new Error(
      `nodePool.minCount must be a whole number of at least 1, got ${resolved.minCount}`,
    );
  }
  if (!Number.isInteger(resolved.maxCount) || resolved.maxCount < resolved.minCount) {
    throw new Error(
      `nodePool.maxCount must be a whole number of at least nodePool.minCount (${resolved.minCount}), got ${resolved.maxCount}`,
    );
  }
  return resolved;
}
