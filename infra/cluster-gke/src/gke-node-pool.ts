import type { NodePoolSchema } from '@slipway/infra-cluster-shared';

/** Size and shape of the autoscaling node pool, as the stack config's `nodePool` spells it. */
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

/**
 * GKE's spelling of the node pool and its defaults, for `resolveNodePool`.
 * @example resolveNodePool(gkeNodePool, { maxNodes: 12 }); // { machineType: 'e2-standard-2', minNodes: 3, maxNodes: 12, diskSize: 50 }
 */
export const gkeNodePool: NodePoolSchema<GkeNodePoolArgs> = {
  fields: {
    machineType: 'machineType',
    minNodes: 'minNodes',
    maxNodes: 'maxNodes',
    diskSize: 'diskSizeGb',
  },
  defaults: { machineType: 'e2-standard-2', minNodes: 3, maxNodes: 9, diskSize: 50 },
};
