import * as gcp from '@pulumi/gcp';
import type * as pulumi from '@pulumi/pulumi';
import type { NodePool, NodePoolSchema } from '@slipway/infra-cluster-shared';

/** Size and shape of standard mode's small pool, as the stack config's `nodePool` spells it. */
export interface GkeNodePoolArgs {
  /** Compute Engine machine type of every node. Default: `e2-standard-2` (2 vCPU, 8 GB). */
  readonly machineType?: string;
  /** Fewest nodes across all zones; at least one per zone keeps the pool zone-redundant. Default: 3. */
  readonly minNodes?: number;
  /** Most nodes across all zones; node auto-provisioning adds capacity beyond it. Default: 6. */
  readonly maxNodes?: number;
  /** Boot disk size of each node in GB. Default: 50. */
  readonly diskSizeGb?: number;
}

/**
 * GKE's spelling of the small pool and its defaults, for `resolveNodePool`. The pool only gives
 * system pods (kube-dns, konnectivity, metrics) somewhere to start; workloads land on node
 * pools that node auto-provisioning creates.
 * @example resolveNodePool(gkeNodePool, { maxNodes: 12 }); // { machineType: 'e2-standard-2', minNodes: 3, maxNodes: 12, diskSize: 50 }
 */
export const gkeNodePool: NodePoolSchema<GkeNodePoolArgs> = {
  fields: {
    machineType: 'machineType',
    minNodes: 'minNodes',
    maxNodes: 'maxNodes',
    diskSize: 'diskSizeGb',
  },
  defaults: { machineType: 'e2-standard-2', minNodes: 3, maxNodes: 6, diskSize: 50 },
};

/** Arguments of {@link smallNodePool}. */
export interface SmallNodePoolArgs {
  readonly cluster: pulumi.Input<string>;
  readonly region: string;
  readonly zones: readonly string[];
  readonly pool: NodePool;
  /** Email of the least-privilege node service account. */
  readonly serviceAccount: pulumi.Input<string>;
}

/**
 * Standard mode's one node pool of ours: shielded COS nodes that reach Google APIs only
 * through Workload Identity (`GKE_METADATA`), autoscaled within the pool's bounds.
 * @example smallNodePool('slipway-nodes', { cluster: cluster.name, region, zones, pool, serviceAccount }, { parent: this });
 */
export function smallNodePool(
  name: string,
  args: SmallNodePoolArgs,
  opts: pulumi.CustomResourceOptions,
): gcp.container.NodePool {
  return new gcp.container.NodePool(
    name,
    {
      cluster: args.cluster,
      location: args.region,
      nodeLocations: [...args.zones],
      initialNodeCount: Math.ceil(args.pool.minNodes / args.zones.length),
      autoscaling: {
        totalMinNodeCount: args.pool.minNodes,
        totalMaxNodeCount: args.pool.maxNodes,
        locationPolicy: 'BALANCED',
      },
      management: { autoRepair: true, autoUpgrade: true },
      upgradeSettings: { maxSurge: 1, maxUnavailable: 0 },
      nodeConfig: {
        machineType: args.pool.machineType,
        diskSizeGb: args.pool.diskSize,
        diskType: 'pd-balanced',
        imageType: 'COS_CONTAINERD',
        serviceAccount: args.serviceAccount,
        oauthScopes: ['https://www.googleapis.com/auth/cloud-platform'],
        workloadMetadataConfig: { mode: 'GKE_METADATA' },
        shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true },
      },
    },
    // The autoscaler owns the node count; a deploy must not reset it.
    { ...opts, ignoreChanges: ['initialNodeCount'] },
  );
}
