import * as authorization from '@pulumi/azure-native/authorization/index.js';
import * as containerservice from '@pulumi/azure-native/containerservice/index.js';
import * as resources from '@pulumi/azure-native/resources/index.js';
import * as pulumi from '@pulumi/pulumi';
import { requireZoneRedundancy, resolveNodePool } from '@slipway/infra-cluster-shared';
import type { GatewayLoadBalancer, WorkloadIdentity } from '@slipway/infra-workload-identity';
import { componentType } from '@slipway/platform-contract';
import type { AksDataNetwork } from './aks-data-network.ts';
import { aksNetwork } from './aks-network.ts';
import { type AksNodePoolArgs, aksNodePool } from './aks-node-pool.ts';
import { grantAksAdmins } from './cluster-admins.ts';
import { type AksMode, defaultAksMode } from './cluster-mode.ts';
import { controlPlaneIdentity } from './control-plane-identity.ts';
import { aksGatewayLoadBalancer } from './gateway-load-balancer.ts';
import { userKubeconfig } from './kubeconfig.ts';
import { modeProfile } from './mode-profile.ts';
import { defaultKubernetesVersion } from './versions.ts';

/** Arguments of {@link AksCluster}. */
export interface AksClusterArgs {
  /** Name of the AKS cluster; also the DNS prefix of its API server. */
  readonly clusterName: string;
  /** Azure region (`azure-native:location`). */
  readonly location: string;
  /** How the cluster gets its nodes. Default: {@link defaultAksMode}. */
  readonly mode?: AksMode;
  /** Entra ID groups made cluster admins (Azure RBAC); at least one, or nobody can use the cluster. */
  readonly adminGroupObjectIds: readonly string[];
  /** Availability zones of the system pool and the egress IP; at least three. Default: `['1', '2', '3']`. */
  readonly zones?: readonly string[];
  /** Kubernetes minor version. Default: {@link defaultKubernetesVersion}. */
  readonly kubernetesVersion?: string;
  /** The system pool (`node-autoprovisioning` only). Default: 3 `Standard_D2s_v5` nodes. */
  readonly nodePool?: AksNodePoolArgs;
  /** `Standard` (uptime SLA) or `Free`; `automatic` is always `Standard`. Default: `Standard`. */
  readonly skuTier?: 'Standard' | 'Free';
  /** CIDRs allowed to reach the API server. Default: any address (the API still requires Entra ID sign-in). */
  readonly apiAllowedCidrs?: readonly string[];
}

/**
 * An AKS cluster on 2026 defaults: node autoprovisioning (or AKS Automatic) creating app nodes
 * per pending pod beside a system pool tainted for critical add-ons; private nodes over at least
 * three zones in our own virtual network, leaving through a NAT gateway, beside the subnets and
 * private DNS zones of the services' managed data services; Entra ID sign-in only,
 * authorized by Azure RBAC grants to admin groups; Azure CNI overlay with Cilium (which enforces
 * NetworkPolicy), OIDC issuer and Workload Identity. AKS runs metrics-server itself, so
 * HorizontalPodAutoscalers get CPU and memory metrics with nothing installed here.
 *
 * @example
 * const cluster = new AksCluster('slipway', { clusterName: 'slipway-dev', location: 'westeurope', adminGroupObjectIds: [admins] });
 * export const kubeconfig = cluster.kubeconfig;
 */
export class AksCluster extends pulumi.ComponentResource {
  /** The cluster's user kubeconfig (`exec` format, kubelogin), kept secret in state and outputs. */
  readonly kubeconfig: pulumi.Output<string>;
  /** The AKS cluster name. */
  readonly clusterName: pulumi.Output<string>;
  /** The resource group holding the cluster, its network and its identity. */
  readonly resourceGroupName: pulumi.Output<string>;
  /** How ServiceAccounts get Azure identities: federation with the cluster's OIDC issuer. */
  readonly workloadIdentity: pulumi.Output<WorkloadIdentity>;
  /** The load balancer the edge proxies' Service asks for. */
  readonly gatewayLoadBalancer: GatewayLoadBalancer;
  /** Where the services program puts the services' managed databases and caches. */
  readonly dataNetwork: pulumi.Output<AksDataNetwork>;

  constructor(name: string, args: AksClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentType('azure', 'AksCluster'), name, {}, opts);
    const mode = args.mode ?? defaultAksMode;
    const zones = requireZoneRedundancy('zones', args.zones ?? ['1', '2', '3']);
    const systemPool = resolveNodePool(aksNodePool, args.nodePool);
    if (systemPool.minNodes < zones.length) {
      throw new Error(
        `nodePool.count must be at least the number of zones (${zones.length}), one system node in each, got ${systemPool.minNodes}`,
      );
    }
    if (args.adminGroupObjectIds.length === 0) {
      throw new Error('AksCluster needs at least one admin group: nobody could use the cluster');
    }
    const parent = { parent: this };
    const { subscriptionId } = authorization.getClientConfigOutput(parent);

    const group = new resources.ResourceGroup(`${name}-rg`, { location: args.location }, parent);
    const net = aksNetwork(
      name,
      {
        resourceGroupName: group.name,
        location: args.location,
        zones,
        apiServerSubnet: mode === 'automatic',
      },
      this,
    );
    const identity = controlPlaneIdentity(
      name,
      {
        resourceGroupName: group.name,
        location: args.location,
        subscriptionId,
        vnetId: net.vnetId,
        natGatewayId: net.natGatewayId,
      },
      this,
    );

    const cluster = new containerservice.ManagedCluster(
      `${name}-aks`,
      {
        resourceName: args.clusterName,
        resourceGroupName: group.name,
        location: args.location,
        dnsPrefix: args.clusterName,
        kubernetesVersion: args.kubernetesVersion ?? defaultKubernetesVersion,
        identity: {
          type: containerservice.ResourceIdentityType.UserAssigned,
          userAssignedIdentities: [identity.id],
        },
        enableRBAC: true,
        // Entra ID sign-in only, authorized by Azure RBAC (grants below), in both modes.
        aadProfile: { managed: true, enableAzureRBAC: true },
        disableLocalAccounts: true,
        oidcIssuerProfile: { enabled: true },
        securityProfile: { workloadIdentity: { enabled: true } },
        ...modeProfile({
          mode,
          skuTier: args.skuTier ?? 'Standard',
          zones,
          systemPool,
          nodeSubnetId: net.nodeSubnetId,
          ...(net.apiServerSubnetId ? { apiServerSubnetId: net.apiServerSubnetId } : {}),
          ...(args.apiAllowedCidrs ? { apiAllowedCidrs: args.apiAllowedCidrs } : {}),
        }),
      },
      {
        parent: this,
        dependsOn: identity.networkAccess,
        // AKS Automatic sizes and scales its system pool itself; a deploy must not reset it.
        ...(mode === 'automatic' ? { ignoreChanges: ['agentPoolProfiles'] } : {}),
      },
    );
    grantAksAdmins(
      name,
      { clusterId: cluster.id, subscriptionId, groupObjectIds: args.adminGroupObjectIds },
      this,
    );

    this.kubeconfig = userKubeconfig(
      { clusterName: args.clusterName, resourceGroupName: group.name, resourceName: cluster.name },
      this,
    );
    this.clusterName = cluster.name;
    this.resourceGroupName = group.name;
    this.workloadIdentity = pulumi
      .all([cluster.oidcIssuerProfile, group.name])
      .apply(([issuer, resourceGroupName]) => {
        // An empty issuer would federate every identity with nothing; fail where the cause is.
        if (!issuer?.issuerURL) {
          throw new Error(`AKS returned no OIDC issuer URL for cluster ${args.clusterName}`);
        }
        return {
          cloud: 'azure' as const,
          oidcIssuerUrl: issuer.issuerURL,
          resourceGroupName,
          location: args.location,
        };
      });
    this.gatewayLoadBalancer = aksGatewayLoadBalancer;
    this.dataNetwork = net.dataNetwork;
    this.registerOutputs({
      kubeconfig: this.kubeconfig,
      clusterName: this.clusterName,
      resourceGroupName: this.resourceGroupName,
      workloadIdentity: this.workloadIdentity,
      gatewayLoadBalancer: this.gatewayLoadBalancer,
      dataNetwork: this.dataNetwork,
    });
  }
}
