import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';
import { requireZoneRedundancy, resolveNodePool } from '@slipway/infra-cluster-shared';
import type { DataNetwork, WorkloadIdentity } from '@slipway/infra-workload-identity';
import { componentType } from '@slipway/platform-contract';
import { gkeKubeconfig } from './gke-kubeconfig.ts';
import { GkeNetwork, secondaryRanges } from './gke-network.ts';
import { type GkeNodePoolArgs, gkeNodePool, smallNodePool } from './gke-node-pool.ts';
import {
  autopilotAutoscaling,
  nodeAutoProvisioning,
  type ResourceLimits,
  resolveResourceLimits,
} from './node-auto-provisioning.ts';
import { nodeServiceAccount } from './node-service-account.ts';
import { defaultKubernetesVersion } from './versions.ts';

/** What every {@link GkeCluster} is given, whatever its mode. */
export interface GkeClusterCommonArgs {
  /** Name of the GKE cluster. */
  readonly clusterName: string;
  /** Google Cloud project the cluster lives in (`gcp:project`). */
  readonly project: string;
  /** Region of the regional cluster (`gcp:region`); the control plane is replicated across its zones. */
  readonly region: string;
  /** Zones the nodes run in; at least three. */
  readonly zones: readonly string[];
  /** Kubernetes minor version, the floor the release channel upgrades from. Default: {@link defaultKubernetesVersion}. */
  readonly kubernetesVersion?: string;
  /** Refuse to delete the cluster on `pulumi destroy`. Default: true. */
  readonly deletionProtection?: boolean;
}

/** The mode and what only that mode takes: Autopilot (the default) takes no node settings. */
export type GkeClusterModeArgs =
  | { readonly mode?: 'autopilot' }
  | {
      readonly mode: 'standard';
      /** The small pool for system pods. Default: 3 to 6 `e2-standard-2` nodes. */
      readonly nodePool?: GkeNodePoolArgs;
      /** Ceiling of node auto-provisioning. Default: 64 vCPU, 256 GB. */
      readonly resourceLimits?: ResourceLimits;
    };

/** Arguments of {@link GkeCluster}. */
export type GkeClusterArgs = GkeClusterCommonArgs & GkeClusterModeArgs;

/**
 * A regional GKE cluster over at least three zones: Autopilot by default, or Standard with node
 * auto-provisioning and a small pool of ours. Either way the nodes are private and shielded,
 * run as a least-privilege service account, Dataplane V2 enforces NetworkPolicy, pods reach
 * Google APIs through Workload Identity Federation, and the Kubernetes API is reachable only
 * through the DNS-based endpoint, where IAM decides who gets in. GKE runs metrics-server
 * itself, so HorizontalPodAutoscalers get CPU and memory metrics with nothing installed here.
 *
 * @example
 * const cluster = new GkeCluster('slipway', {
 *   clusterName: 'slipway-dev',
 *   project: 'my-project',
 *   region: 'europe-west1',
 *   zones: ['europe-west1-b', 'europe-west1-c', 'europe-west1-d'],
 * });
 * export const kubeconfig = cluster.kubeconfig;
 */
export class GkeCluster extends pulumi.ComponentResource {
  /** The cluster's kubeconfig (DNS endpoint, `gke-gcloud-auth-plugin`), kept secret in state and outputs. */
  readonly kubeconfig: pulumi.Output<string>;
  /** The GKE cluster name. */
  readonly clusterName: pulumi.Output<string>;
  /** What the platform and services programs need to grant Kubernetes ServiceAccounts Google roles. */
  readonly workloadIdentity: pulumi.Output<WorkloadIdentity>;
  /** Where the services program puts the services' Cloud SQL and Memorystore servers. */
  readonly dataNetwork: pulumi.Output<DataNetwork>;

  constructor(name: string, args: GkeClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    // Settings are checked before anything is registered: a bad one fails the preview whole.
    requireZoneRedundancy('zones', args.zones);
    const standard =
      args.mode === 'standard'
        ? {
            pool: resolveNodePool(gkeNodePool, args.nodePool),
            limits: resolveResourceLimits(args.resourceLimits),
          }
        : undefined;
    super(componentType('gcp', 'GkeCluster'), name, {}, opts);
    const parent = { parent: this };
    const workloadPool = `${args.project}.svc.id.goog`;

    const network = new GkeNetwork(
      `${name}-network`,
      { region: args.region, namePrefix: args.clusterName },
      parent,
    );
    const serviceAccount = nodeServiceAccount(
      `${name}-nodes`,
      { project: args.project, clusterName: args.clusterName },
      parent,
    );

    const modeArgs: gcp.container.ClusterArgs = standard
      ? {
          // A cluster needs a node pool to be created; the small pool below replaces it.
          removeDefaultNodePool: true,
          initialNodeCount: 1,
          // Dataplane V2 enforces NetworkPolicy, which Slipway's default-deny relies on.
          datapathProvider: 'ADVANCED_DATAPATH',
          enableShieldedNodes: true,
          clusterAutoscaling: nodeAutoProvisioning({
            serviceAccount,
            zones: args.zones,
            limits: standard.limits,
          }),
        }
      : // Autopilot implies Dataplane V2, shielded nodes with secure boot and GKE_METADATA,
        // so they are left to it (the provider refuses enableShieldedNodes beside Autopilot).
        { enableAutopilot: true, clusterAutoscaling: autopilotAutoscaling({ serviceAccount }) };

    const cluster = new gcp.container.Cluster(
      `${name}-gke`,
      {
        name: args.clusterName,
        location: args.region,
        nodeLocations: [...args.zones],
        network: network.networkId,
        subnetwork: network.subnetworkId,
        minMasterVersion: args.kubernetesVersion ?? defaultKubernetesVersion,
        releaseChannel: { channel: 'REGULAR' },
        ipAllocationPolicy: {
          clusterSecondaryRangeName: secondaryRanges.pods,
          servicesSecondaryRangeName: secondaryRanges.services,
        },
        // Nodes without public IPs; with no masterIpv4CidrBlock GKE connects them to the
        // control plane over Private Service Connect, not VPC peering.
        privateClusterConfig: { enablePrivateNodes: true },
        // Only the DNS-based endpoint: reachable from anywhere Google APIs are, and every
        // request needs IAM's container.clusters.connect before Kubernetes RBAC sees it.
        controlPlaneEndpointsConfig: {
          dnsEndpointConfig: { allowExternalTraffic: true },
          ipEndpointsConfig: { enabled: false },
        },
        workloadIdentityConfig: { workloadPool },
        deletionProtection: args.deletionProtection ?? true,
        ...modeArgs,
      },
      parent,
    );

    if (standard) {
      smallNodePool(
        `${name}-nodes`,
        {
          cluster: cluster.name,
          region: args.region,
          zones: args.zones,
          pool: standard.pool,
          serviceAccount,
        },
        parent,
      );
    }

    const project = gcp.organizations.getProjectOutput({ projectId: args.project }, parent);
    this.kubeconfig = gkeKubeconfig({
      name: cluster.name,
      dnsEndpoint: cluster.controlPlaneEndpointsConfig.dnsEndpointConfig.endpoint,
    });
    this.clusterName = cluster.name;
    this.workloadIdentity = project.number.apply(
      (projectNumber): WorkloadIdentity => ({
        cloud: 'gcp',
        project: args.project,
        projectNumber,
        workloadPool,
      }),
    );
    this.dataNetwork = pulumi.all([network.networkId, network.privateServiceRange.name]).apply(
      ([networkId, privateServiceRangeName]): DataNetwork => ({
        cloud: 'gcp',
        project: args.project,
        region: args.region,
        network: networkId,
        privateServiceRangeName,
        privateServiceRange: network.privateServiceRange.cidr,
      }),
    );
    this.registerOutputs({
      kubeconfig: this.kubeconfig,
      clusterName: this.clusterName,
      workloadIdentity: this.workloadIdentity,
      dataNetwork: this.dataNetwork,
    });
  }
}
