/** Size and shape of the autoscaling node pool. */
export interface GkeNodePoolArgs {
  /** Compute Engine machine type of every node. Default: `e2-standard-2` (2 vCPU, 8 GB). */
  readonly machineType?: string;
  /** Fewest nodes across all zones; at least one per zone keeps the pool zone-redundant. Default: 3. */
  readonly minNodes?: number;
  /** Most nodes across all zones the cluster autoscaler may add. Default: 9. */
  readonly maxNodes?: number;
  /** Boot disk size of each node in GB. Default: 50. */
  readonly diskSizeGb?: number;
}

/** The node pool settings once defaults are applied. */
export type ResolvedGkeNodePool = Required<GkeNodePoolArgs>;

/**
 * Applies the node pool defaults and rejects settings the cluster could not
 * run with, naming the offending field.
 *
 * @example
 * resolveGkeNodePool({ maxNodes: 12 }); // { machineType: 'e2-standard-2', minNodes: 3, maxNodes: 12, diskSizeGb: 50 }
 */
export function resolveGkeNodePool(pool: GkeNodePoolArgs = {}): ResolvedGkeNodePool {
  const resolved = {
    machineType: pool.machineType ?? 'e2-standard-2',
    minNodes: pool.minNodes ?? 3,
    maxNodes: pool.maxNodes ?? 9,
    diskSizeGb: pool.diskSizeGb ?? 50,
  };
  if (!Number.isInteger(resolved.minNodes) || resolved.minNodes < 1) {
    throw new Error(
      `nodePool.minNodes must be a whole number of at least 1, got ${resolved.minNodes}`,
    );
  }
  if (!Number.isInteger(resolved.maxNodes) || resolved.maxNodes < resolved.minNodes) {
    throw new Error(
      `nodePool.maxNodes must be a whole number of at least nodePool.minNodes (${resolved.minNodes}), got ${resolved.maxNodes}`,
    );
  }
  return resolved;
}
