import type * as inputs from '@pulumi/azure-native/types/input.js';
import type * as pulumi from '@pulumi/pulumi';
import { minimumZones, type NodePool, type NodePoolSchema } from '@slipway/infra-cluster-shared';

/**
 * Size of the system pool, as the stack config's `nodePool` spells it. App nodes are not
 * configured here: node autoprovisioning creates them per pending pod.
 */
export interface AksNodePoolArgs {
  /** Azure VM size of every system node. Default: `Standard_D2s_v5` (2 vCPU, 8 GiB). */
  readonly vmSize?: string;
  /** Number of system nodes, at least one per zone. Default: 3. */
  readonly count?: number;
  /** OS disk size of each system node in GB. Default: 64. */
  readonly osDiskSizeGB?: number;
}

/**
 * AKS's spelling of the system pool and its defaults, for `resolveNodePool`. The pool has a
 * fixed size (`count` is both its fewest and most nodes): AKS does not run the cluster
 * autoscaler beside node autoprovisioning, whose `system-surge` NodePool adds system nodes
 * under pressure instead.
 * @example resolveNodePool(aksNodePool, { count: 6 }); // { machineType: 'Standard_D2s_v5', minNodes: 6, maxNodes: 6, diskSize: 64 }
 */
export const aksNodePool: NodePoolSchema<AksNodePoolArgs> = {
  fields: { machineType: 'vmSize', minNodes: 'count', maxNodes: 'count', diskSize: 'osDiskSizeGB' },
  defaults: { machineType: 'Standard_D2s_v5', minNodes: 3, maxNodes: 3, diskSize: 64 },
};

/** Keeps app pods off the system nodes; only critical add-ons (CoreDNS, metrics-server...) tolerate it. */
const criticalAddonsOnlyTaint = 'CriticalAddonsOnly=true:NoSchedule';

type AgentPoolProfile = inputs.containerservice.ManagedClusterAgentPoolProfileArgs;

/**
 * The system pool of a node-autoprovisioning cluster: fixed size, tainted for critical add-ons,
 * spread over the zones, private nodes in the cluster subnet.
 * @example systemPoolProfile(resolveNodePool(aksNodePool, {}), ['1', '2', '3'], subnet.id)
 */
export function systemPoolProfile(
  pool: NodePool,
  zones: readonly string[],
  subnetId: pulumi.Input<string>,
): AgentPoolProfile {
  return {
    name: 'system',
    mode: 'System',
    type: 'VirtualMachineScaleSets',
    osType: 'Linux',
    osSKU: 'AzureLinux',
    vmSize: pool.machineType,
    osDiskSizeGB: pool.diskSize,
    availabilityZones: [...zones],
    enableAutoScaling: false,
    count: pool.minNodes,
    nodeTaints: [criticalAddonsOnlyTaint],
    enableNodePublicIP: false,
    vnetSubnetID: subnetId,
    upgradeSettings: { maxSurge: '33%' },
  };
}

/**
 * The system pool of an AKS Automatic cluster: only where it lives. Automatic picks the VM
 * size, OS, zones and taint itself.
 * @example automaticSystemPoolProfile(subnet.id)
 */
export function automaticSystemPoolProfile(subnetId: pulumi.Input<string>): AgentPoolProfile {
  return { name: 'system', mode: 'System', count: minimumZones, vnetSubnetID: subnetId };
}
