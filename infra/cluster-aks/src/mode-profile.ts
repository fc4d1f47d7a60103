import type { ManagedClusterArgs } from '@pulumi/azure-native/containerservice/index.js';
import type * as pulumi from '@pulumi/pulumi';
import type { NodePool } from '@slipway/infra-cluster-shared';
import { automaticSystemPoolProfile, systemPoolProfile } from './aks-node-pool.ts';
import type { AksMode } from './cluster-mode.ts';

/** What {@link modeProfile} needs. */
export interface ModeProfileArgs {
  readonly mode: AksMode;
  /** `Standard` or `Free`; AKS Automatic is always `Standard`. */
  readonly skuTier: 'Standard' | 'Free';
  readonly zones: readonly string[];
  readonly systemPool: NodePool;
  readonly nodeSubnetId: pulumi.Input<string>;
  /** Required by `automatic`. */
  readonly apiServerSubnetId?: pulumi.Input<string>;
  readonly apiAllowedCidrs?: readonly string[];
}

/** The part of the cluster's arguments that depends on the mode. */
export type ModeProfile = Pick<
  ManagedClusterArgs,
  | 'sku'
  | 'agentPoolProfiles'
  | 'networkProfile'
  | 'nodeProvisioningProfile'
  | 'autoUpgradeProfile'
  | 'apiServerAccessProfile'
>;

// Both modes: egress through our NAT gateway, and service addresses outside the
// virtual network (AKS's default 10.0.0.0/16 would overlap it).
const addressing = {
  outboundType: 'userAssignedNATGateway',
  serviceCidr: '10.96.0.0/16',
  dnsServiceIP: '10.96.0.10',
} as const;

/**
 * The cluster arguments of each mode. `node-autoprovisioning` states everything: NAP with AKS's
 * default Karpenter NodePools, the tainted system pool, Azure CNI overlay with Cilium (which NAP
 * needs and which enforces NetworkPolicy), patch and node-image upgrade channels. `automatic`
 * leaves to AKS Automatic what it preconfigures (node provisioning, system node size, network
 * plugin, upgrade channels) and adds what it requires in our own network: the API server subnet.
 *
 * @example const profile = modeProfile({ mode: 'automatic', skuTier: 'Standard', zones, systemPool, nodeSubnetId, apiServerSubnetId });
 */
export function modeProfile(args: ModeProfileArgs): ModeProfile {
  const authorizedIPRanges = args.apiAllowedCidrs ? [...args.apiAllowedCidrs] : undefined;
  if (args.mode === 'automatic') {
    if (!args.apiServerSubnetId) {
      throw new Error('AKS Automatic in a custom virtual network needs an API server subnet');
    }
    return {
      sku: { name: 'Automatic', tier: 'Standard' },
      agentPoolProfiles: [automaticSystemPoolProfile(args.nodeSubnetId)],
      networkProfile: { ...addressing },
      apiServerAccessProfile: {
        enableVnetIntegration: true,
        subnetId: args.apiServerSubnetId,
        ...(authorizedIPRanges ? { authorizedIPRanges } : {}),
      },
    };
  }
  return {
    sku: { name: 'Base', tier: args.skuTier },
    agentPoolProfiles: [systemPoolProfile(args.systemPool, args.zones, args.nodeSubnetId)],
    nodeProvisioningProfile: { mode: 'Auto', defaultNodePools: 'Auto' },
    networkProfile: {
      ...addressing,
      networkPlugin: 'azure',
      networkPluginMode: 'overlay',
      // Cilium enforces NetworkPolicy, which Slipway's default-deny relies on.
      networkDataplane: 'cilium',
      networkPolicy: 'cilium',
      podCidr: '10.244.0.0/16',
      loadBalancerSku: 'standard',
    },
    autoUpgradeProfile: { upgradeChannel: 'patch', nodeOSUpgradeChannel: 'NodeImage' },
    ...(authorizedIPRanges ? { apiServerAccessProfile: { authorizedIPRanges } } : {}),
  };
}
