import type { NodePoolSchema } from '@slipway/infra-cluster-shared';

/** Size and shape of the autoscaling node pool, as the stack config's `nodePool` spells it. */
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

/**
 * AKS's spelling of the node pool and its defaults, for `resolveNodePool`.
 * @example resolveNodePool(aksNodePool, { maxCount: 12 }); // { machineType: 'Standard_D2s_v5', minNodes: 3, maxNodes: 12, diskSize: 64 }
 */
export const aksNodePool: NodePoolSchema<AksNodePoolArgs> = {
  fields: {
    machineType: 'vmSize',
    minNodes: 'minCount',
    maxNodes: 'maxCount',
    diskSize: 'osDiskSizeGB',
  },
  defaults: { machineType: 'Standard_D2s_v5', minNodes: 3, maxNodes: 9, diskSize: 64 },
};
