import type { NodePoolSchema } from '@slipway/infra-cluster-shared';

/** Size and shape of the autoscaling node pool, as the stack config's `nodePool` spells it. */
export interface EksNodePoolArgs {
  /** EC2 instance type of every node. Default: `m7i.large` (2 vCPU, 8 GiB). */
  readonly instanceType?: string;
  /** Fewest nodes; at least one per zone keeps the pool zone-redundant. Default: 3. */
  readonly minSize?: number;
  /** Most nodes cluster-autoscaler may add. Default: 9. */
  readonly maxSize?: number;
  /** Root volume size of each node in GiB. Default: 50. */
  readonly diskSizeGiB?: number;
}

/**
 * EKS's spelling of the node pool and its defaults, for `resolveNodePool`.
 * @example resolveNodePool(eksNodePool, { maxSize: 12 }); // { machineType: 'm7i.large', minNodes: 3, maxNodes: 12, diskSize: 50 }
 */
export const eksNodePool: NodePoolSchema<EksNodePoolArgs> = {
  fields: {
    machineType: 'instanceType',
    minNodes: 'minSize',
    maxNodes: 'maxSize',
    diskSize: 'diskSizeGiB',
  },
  defaults: { machineType: 'm7i.large', minNodes: 3, maxNodes: 9, diskSize: 50 },
};
