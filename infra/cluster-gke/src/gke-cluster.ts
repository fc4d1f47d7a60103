import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';
import { requireZoneRedundancy, resolveNodePool } from '@slipway/infra-cluster-shared';
import { componentType } from '@slipway/platform-contract';
import { gkeKubeconfig } from './gke-kubeconfig.ts';
import { GkeNetwork, secondaryRanges } from './gke-network.ts';
import { type GkeNodePoolArgs, gkeNodePool } from './gke-node-pool.ts';
import { defaultKubernetesVersion } from './versions.ts';

/** Arguments of {@link GkeCluster}. */
export interface GkeClusterArgs {
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
  /** The autoscaling node pool. Default: 3 to 9 `e2-standard-2` nodes. */
  readonly nodePool?: GkeNodePoolArgs;
  /** CIDRs allowed to reach the public API endpoint. Default: any address (the API still requires Google auth). */
  readonly apiAllowedCidrs?: readonly string[];
  /** Refuse to delete the cluster on `pulumi destroy`. Default: true. */
  readonly deletionProtection?: boolean;
}

/** IAM roles of the nodes' service account: logs, metrics and image pulls only. */
const nodeServiceAccountRoles = [
  'roles/logging.logWriter',
  'roles/monitoring.metricWriter',
  'roles/monitoring.viewer',
  'roles/stackdriver.resourceMetadata.writer',
  'roles/artifactregistry.reader',
] as const;

/**
 * A regional GKE Standard cluster with private nodes spread over at least
 * three zones in one autoscaling node pool, Dataplane V2 (which enforces
 * NetworkPolicy), Workload Identity, and a least-privilege node service
 * account. GKE runs metrics-server itself, so HorizontalPodAutoscalers get
 * CPU and memory metrics with nothing installed here.
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
  /** The cluster's kubeconfig (uses `gke-gcloud-auth-plugin`), kept secret in state and outputs. */
  readonly kubeconfig: pulumi.Output<string>;
  /** The GKE cluster name. */
  readonly clusterName: pulumi.Output<string>;
  /** The Workload Identity pool, for binding add-on service accounts (Velero...). */
  readonly workloadPool: pulumi.Output<string>;

  constructor(name: string, args: GkeClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentType('gcp', 'GkeCluster'), name, {}, opts);
    requireZoneRedundancy('zones', args.zones);
    const pool = resolveNodePool(gkeNodePool, args.nodePool);
    const parent = { parent: this };
    const workloadPool = `${args.project}.svc.id.goog`;

    const network = new GkeNetwork(`${name}-network`, { region: args.region }, parent);

    const nodeAccount = new gcp.serviceaccount.Account(
      `${name}-nodes`,
      { accountId: `${args.clusterName}-nodes`.slice(0, 30), displayName: 'GKE nodes' },
      parent,
    );
    for (const role of nodeServiceAccountRoles) {
      new gcp.projects.IAMMember(
        `${name}-nodes-${role.split('/')[1]}`,
        {
          project: args.project,
          role,
          member: pulumi.interpolate`serviceAccount:${nodeAccount.email}`,
        },
        parent,
      );
    }

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
        // A cluster needs a node pool to be created; the managed pool below replaces it.
        removeDefaultNodePool: true,
        initialNodeCount: 1,
        ipAllocationPolicy: {
          clusterSecondaryRangeName: secondaryRanges.pods,
          servicesSecondaryRangeName: secondaryRanges.services,
        },
        privateClusterConfig: {
          enablePrivateNodes: true,
          enablePrivateEndpoint: false,
          masterIpv4CidrBlock: '172.16.0.0/28',
        },
        ...(args.apiAllowedCidrs
          ? {
              masterAuthorizedNetworksConfig: {
                cidrBlocks: args.apiAllowedCidrs.map((cidrBlock) => ({ cidrBlock })),
              },
            }
          : {}),
        // Dataplane V2 enforces NetworkPolicy, which Slipway's default-deny relies on.
        datapathProvider: 'ADVANCED_DATAPATH',
        workloadIdentityConfig: { workloadPool },
        enableShieldedNodes: true,
        deletionProtection: args.deletionProtection ?? true,
      },
      parent,
    );

    new gcp.container.NodePool(
      `${name}-nodes`,
      {
        cluster: cluster.name,
        location: args.region,
        nodeLocations: [...args.zones],
        initialNodeCount: Math.ceil(pool.minNodes / args.zones.length),
        autoscaling: {
          totalMinNodeCount: pool.minNodes,
          totalMaxNodeCount: pool.maxNodes,
          locationPolicy: 'BALANCED',
        },
        management: { autoRepair: true, autoUpgrade: true },
        upgradeSettings: { maxSurge: 1, maxUnavailable: 0 },
        nodeConfig: {
          machineType: pool.machineType,
          diskSizeGb: pool.diskSize,
          diskType: 'pd-balanced',
          imageType: 'COS_CONTAINERD',
          serviceAccount: nodeAccount.email,
          oauthScopes: ['https://www.googleapis.com/auth/cloud-platform'],
          workloadMetadataConfig: { mode: 'GKE_METADATA' },
          shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true },
        },
      },
      // The autoscaler owns the node count; a deploy must not reset it.
      { parent: this, ignoreChanges: ['initialNodeCount'] },
    );

    this.kubeconfig = gkeKubeconfig({
      name: cluster.name,
      endpoint: cluster.endpoint,
      clusterCaCertificate: cluster.masterAuth.clusterCaCertificate,
    });
    this.clusterName = cluster.name;
    this.workloadPool = pulumi.output(workloadPool);
    this.registerOutputs({
      kubeconfig: this.kubeconfig,
      clusterName: this.clusterName,
      workloadPool: this.workloadPool,
    });
  }
}
