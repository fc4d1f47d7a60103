import * as containerservice from '@pulumi/azure-native/containerservice/index.js';
import * as network from '@pulumi/azure-native/network/index.js';
import * as resources from '@pulumi/azure-native/resources/index.js';
import * as pulumi from '@pulumi/pulumi';
import { componentType } from '@slipway/platform-contract';
import { type AksNodePoolArgs, resolveAksNodePool } from './aks-node-pool.ts';
import { defaultKubernetesVersion } from './versions.ts';

/** Arguments of {@link AksCluster}. */
export interface AksClusterArgs {
  /** Name of the AKS cluster; also the DNS prefix of its API server. */
  readonly clusterName: string;
  /** Azure region (`azure-native:location`). */
  readonly location: string;
  /** Availability zones of the node pool; at least three. Default: `['1', '2', '3']`. */
  readonly zones?: readonly string[];
  /** Kubernetes minor version. Default: {@link defaultKubernetesVersion}. */
  readonly kubernetesVersion?: string;
  /** The autoscaling node pool. Default: 3 to 9 `Standard_D2s_v5` nodes. */
  readonly nodePool?: AksNodePoolArgs;
  /** `Standard` (uptime SLA) or `Free`. Default: `Standard`. */
  readonly skuTier?: 'Standard' | 'Free';
  /** CIDRs allowed to reach the API server. Default: any address (the API still requires authentication). */
  readonly apiAllowedCidrs?: readonly string[];
  /** Entra ID groups that administer the cluster; when set, local accounts are turned off. Default: none. */
  readonly adminGroupObjectIds?: readonly string[];
}

/**
 * An AKS cluster with private nodes (no public IPs) spread over at least
 * three availability zones in one autoscaling node pool, Azure CNI overlay
 * with the Cilium dataplane (which enforces NetworkPolicy), Workload Identity
 * and automatic patch upgrades. AKS runs metrics-server itself, so
 * HorizontalPodAutoscalers get CPU and memory metrics with nothing installed here.
 *
 * @example
 * const cluster = new AksCluster('slipway', { clusterName: 'slipway-dev', location: 'westeurope' });
 * export const kubeconfig = cluster.kubeconfig;
 */
export class AksCluster extends pulumi.ComponentResource {
  /** The cluster's user kubeconfig, kept secret in state and outputs. */
  readonly kubeconfig: pulumi.Output<string>;
  /** The AKS cluster name. */
  readonly clusterName: pulumi.Output<string>;
  /** The resource group holding the cluster and its network. */
  readonly resourceGroupName: pulumi.Output<string>;
  /** The cluster's OIDC issuer URL, for federating add-on identities (Velero...). */
  readonly oidcIssuerUrl: pulumi.Output<string>;

  constructor(name: string, args: AksClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentType('azure', 'AksCluster'), name, {}, opts);
    const zones = args.zones ?? ['1', '2', '3'];
    if (zones.length < 3) {
      throw new Error(
        `zones must list at least 3 zones for a zone-redundant cluster, got ${zones.length}`,
      );
    }
    const pool = resolveAksNodePool(args.nodePool);
    const parent = { parent: this };
    const useEntraId = (args.adminGroupObjectIds?.length ?? 0) > 0;

    const group = new resources.ResourceGroup(`${name}-rg`, { location: args.location }, parent);
    const vnet = new network.VirtualNetwork(
      `${name}-vnet`,
      {
        resourceGroupName: group.name,
        location: args.location,
        addressSpace: { addressPrefixes: ['10.0.0.0/16'] },
      },
      { parent: this, ignoreChanges: ['subnets'] },
    );
    const subnet = new network.Subnet(
      `${name}-nodes`,
      {
        resourceGroupName: group.name,
        virtualNetworkName: vnet.name,
        addressPrefix: '10.0.0.0/20',
      },
      parent,
    );

    const cluster = new containerservice.ManagedCluster(
      `${name}-aks`,
      {
        resourceName: args.clusterName,
        resourceGroupName: group.name,
        location: args.location,
        dnsPrefix: args.clusterName,
        kubernetesVersion: args.kubernetesVersion ?? defaultKubernetesVersion,
        sku: { name: 'Base', tier: args.skuTier ?? 'Standard' },
        identity: { type: containerservice.ResourceIdentityType.SystemAssigned },
        enableRBAC: true,
        agentPoolProfiles: [
          {
            name: 'system',
            mode: 'System',
            type: 'VirtualMachineScaleSets',
            osType: 'Linux',
            osSKU: 'AzureLinux',
            vmSize: pool.vmSize,
            osDiskSizeGB: pool.osDiskSizeGB,
            availabilityZones: [...zones],
            enableAutoScaling: true,
            minCount: pool.minCount,
            maxCount: pool.maxCount,
            count: pool.minCount,
            enableNodePublicIP: false,
            vnetSubnetID: subnet.id,
            upgradeSettings: { maxSurge: '33%' },
          },
        ],
        networkProfile: {
          networkPlugin: 'azure',
          networkPluginMode: 'overlay',
          // Cilium enforces NetworkPolicy, which Slipway's default-deny relies on.
          networkDataplane: 'cilium',
          networkPolicy: 'cilium',
          podCidr: '10.244.0.0/16',
          serviceCidr: '10.96.0.0/16',
          dnsServiceIP: '10.96.0.10',
          loadBalancerSku: 'standard',
          outboundType: 'loadBalancer',
        },
        oidcIssuerProfile: { enabled: true },
        securityProfile: { workloadIdentity: { enabled: true } },
        autoUpgradeProfile: { upgradeChannel: 'patch', nodeOSUpgradeChannel: 'NodeImage' },
        ...(args.apiAllowedCidrs
          ? { apiServerAccessProfile: { authorizedIPRanges: [...args.apiAllowedCidrs] } }
          : {}),
        ...(useEntraId
          ? {
              aadProfile: {
                managed: true,
                enableAzureRBAC: false,
                adminGroupObjectIDs: [...(args.adminGroupObjectIds ?? [])],
              },
              disableLocalAccounts: true,
            }
          : {}),
      },
      // The autoscaler owns the node count; a deploy must not reset it.
      { parent: this, ignoreChanges: ['agentPoolProfiles[0].count'] },
    );

    const credentials = containerservice.listManagedClusterUserCredentialsOutput(
      {
        resourceGroupName: group.name,
        resourceName: cluster.name,
        ...(useEntraId ? { format: 'exec' } : {}),
      },
      parent,
    );
    this.kubeconfig = pulumi.secret(
      credentials.kubeconfigs.apply((kubeconfigs) => {
        const encoded = kubeconfigs[0]?.value;
        if (!encoded) {
          throw new Error(`AKS returned no kubeconfig for cluster ${args.clusterName}`);
        }
        return Buffer.from(encoded, 'base64').toString('utf8');
      }),
    );
    this.clusterName = cluster.name;
    this.resourceGroupName = group.name;
    this.oidcIssuerUrl = cluster.oidcIssuerProfile.apply((profile) => profile?.issuerURL ?? '');
    this.registerOutputs({
      kubeconfig: this.kubeconfig,
      clusterName: this.clusterName,
      resourceGroupName: this.resourceGroupName,
      oidcIssuerUrl: this.oidcIssuerUrl,
    });
  }
}
