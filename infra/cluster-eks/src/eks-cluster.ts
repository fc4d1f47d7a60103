import * as aws from '@pulumi/aws';
import * as eks from '@pulumi/eks';
import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { componentType } from '@slipway/platform-contract';
import { installClusterAutoscaler } from './cluster-autoscaler.ts';
import { EksNetwork } from './eks-network.ts';
import { createIrsaRole } from './irsa-role.ts';
import { installMetricsServer } from './metrics-server.ts';
import { createNodeRole } from './node-role.ts';
import { defaultKubernetesVersion } from './versions.ts';

/** Size and shape of the autoscaling node pool. */
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

/** Arguments of {@link EksCluster}. */
export interface EksClusterArgs {
  /** Name of the EKS cluster; subnet and autoscaler discovery tags use it. */
  readonly clusterName: string;
  /** AWS region the cluster runs in (the `aws:region` of the stack). */
  readonly region: pulumi.Input<string>;
  /** Availability zones for subnets and nodes; at least three. */
  readonly availabilityZones: readonly string[];
  /** Kubernetes minor version. Default: {@link defaultKubernetesVersion}. */
  readonly kubernetesVersion?: string;
  /** The autoscaling node pool. Default: 3 to 9 `m7i.large` nodes. */
  readonly nodePool?: EksNodePoolArgs;
  /** CIDRs allowed to reach the public API endpoint. Default: `['0.0.0.0/0']` (the API still requires IAM auth). */
  readonly apiAllowedCidrs?: readonly string[];
}

/** The node pool settings once defaults are applied. */
export type ResolvedEksNodePool = Required<EksNodePoolArgs>;

/**
 * Applies the node pool defaults and rejects settings the cluster could not
 * run with, naming the offending field.
 *
 * @example
 * resolveEksNodePool({ maxSize: 12 }); // { instanceType: 'm7i.large', minSize: 3, maxSize: 12, diskSizeGiB: 50 }
 */
export function resolveEksNodePool(pool: EksNodePoolArgs = {}): ResolvedEksNodePool {
  const resolved = {
    instanceType: pool.instanceType ?? 'm7i.large',
    minSize: pool.minSize ?? 3,
    maxSize: pool.maxSize ?? 9,
    diskSizeGiB: pool.diskSizeGiB ?? 50,
  };
  if (!Number.isInteger(resolved.minSize) || resolved.minSize < 1) {
    throw new Error(
      `nodePool.minSize must be a whole number of at least 1, got ${resolved.minSize}`,
    );
  }
  if (!Number.isInteger(resolved.maxSize) || resolved.maxSize < resolved.minSize) {
    throw new Error(
      `nodePool.maxSize must be a whole number of at least nodePool.minSize (${resolved.minSize}), got ${resolved.maxSize}`,
    );
  }
  return resolved;
}

/**
 * A managed EKS cluster spread over at least three availability zones, with
 * private nodes in one autoscaling managed node group, network policy
 * enforcement in the VPC CNI, the EBS CSI driver for volumes, and the two
 * controllers EKS leaves out: metrics-server (HPA metrics) and
 * cluster-autoscaler (node scaling).
 *
 * `eks.Cluster` and `eks.ManagedNodeGroup` are multi-language components: the
 * `eks` provider plugin builds their children at deploy time, so unit tests
 * under mocks see (and assert) the components' inputs rather than their children.
 *
 * @example
 * const cluster = new EksCluster('slipway', {
 *   clusterName: 'slipway-dev',
 *   region: 'eu-west-1',
 *   availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
 *   nodePool: { instanceType: 'm7i.large', minSize: 3, maxSize: 9 },
 * });
 * export const kubeconfig = cluster.kubeconfig;
 */
export class EksCluster extends pulumi.ComponentResource {
  /** The cluster's kubeconfig (uses `aws eks get-token`), kept secret in state and outputs. */
  readonly kubeconfig: pulumi.Output<string>;
  /** The EKS cluster name. */
  readonly clusterName: pulumi.Output<string>;
  /** ARN of the cluster's IAM OIDC provider, for add-on roles (Velero, external-dns...). */
  readonly oidcProviderArn: pulumi.Output<string>;
  /** The cluster's OIDC issuer without `https://`. */
  readonly oidcIssuer: pulumi.Output<string>;
  /** The VPC the cluster runs in. */
  readonly vpcId: pulumi.Output<string>;

  constructor(name: string, args: EksClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentType('aws', 'EksCluster'), name, {}, opts);
    if (args.availabilityZones.length < 3) {
      throw new Error(
        `availabilityZones must list at least 3 zones for a zone-redundant cluster, got ${args.availabilityZones.length}`,
      );
    }
    const pool = resolveEksNodePool(args.nodePool);
    const kubernetesVersion = args.kubernetesVersion ?? defaultKubernetesVersion;
    const parent = { parent: this };

    const network = new EksNetwork(
      `${name}-network`,
      { availabilityZones: args.availabilityZones, clusterName: args.clusterName },
      parent,
    );

    const cluster = new eks.Cluster(
      `${name}-eks`,
      {
        name: args.clusterName,
        version: kubernetesVersion,
        vpcId: network.vpcId,
        privateSubnetIds: network.privateSubnetIds,
        publicSubnetIds: network.publicSubnetIds,
        nodeAssociatePublicIpAddress: false,
        skipDefaultNodeGroup: true,
        authenticationMode: eks.AuthenticationMode.Api,
        endpointPrivateAccess: true,
        endpointPublicAccess: true,
        publicAccessCidrs: [...(args.apiAllowedCidrs ?? ['0.0.0.0/0'])],
        createOidcProvider: true,
        enabledClusterLogTypes: ['api', 'audit', 'authenticator'],
        // The default CNI setup ignores NetworkPolicy objects; Slipway's
        // default-deny policies only protect anything when this is on.
        useDefaultVpcCni: false,
        vpcCniOptions: { enableNetworkPolicy: true },
      },
      parent,
    );

    const partition = aws.getPartitionOutput({}, parent).partition;
    const nodeRole = createNodeRole(`${name}-nodes`, partition, parent);
    const nodeGroup = new eks.ManagedNodeGroup(
      `${name}-nodes`,
      {
        cluster,
        nodeRole,
        subnetIds: network.privateSubnetIds,
        instanceTypes: [pool.instanceType],
        scalingConfig: {
          minSize: pool.minSize,
          maxSize: pool.maxSize,
          desiredSize: pool.minSize,
        },
        // cluster-autoscaler owns the desired size; a deploy must not reset it.
        ignoreScalingChanges: true,
        diskSize: pool.diskSizeGiB,
        operatingSystem: eks.OperatingSystem.AL2023,
      },
      parent,
    );

    const ebsRole = createIrsaRole(
      `${name}-ebs-csi`,
      {
        oidcProviderArn: cluster.oidcProviderArn,
        oidcIssuer: cluster.oidcIssuer,
        namespace: 'kube-system',
        serviceAccount: 'ebs-csi-controller-sa',
      },
      parent,
    );
    new aws.iam.RolePolicyAttachment(
      `${name}-ebs-csi`,
      {
        role: ebsRole.name,
        policyArn: pulumi.interpolate`arn:${partition}:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy`,
      },
      parent,
    );
    new aws.eks.Addon(
      `${name}-ebs-csi`,
      {
        clusterName: args.clusterName,
        addonName: 'aws-ebs-csi-driver',
        serviceAccountRoleArn: ebsRole.arn,
        resolveConflictsOnUpdate: 'OVERWRITE',
      },
      { parent: this, dependsOn: [cluster, nodeGroup] },
    );

    const provider = new k8s.Provider(
      `${name}-k8s`,
      { kubeconfig: cluster.kubeconfigJson, enableServerSideApply: true },
      parent,
    );
    const onNodes = { parent: this, provider, dependsOn: [nodeGroup] };
    installMetricsServer(`${name}-metrics-server`, onNodes);
    installClusterAutoscaler(
      `${name}-cluster-autoscaler`,
      {
        clusterName: args.clusterName,
        region: args.region,
        kubernetesVersion,
        oidcProviderArn: cluster.oidcProviderArn,
        oidcIssuer: cluster.oidcIssuer,
      },
      parent,
      onNodes,
    );

    this.kubeconfig = pulumi.secret(cluster.kubeconfigJson);
    this.clusterName = pulumi.output(args.clusterName);
    this.oidcProviderArn = cluster.oidcProviderArn;
    this.oidcIssuer = cluster.oidcIssuer;
    this.vpcId = network.vpcId;
    this.registerOutputs({
      kubeconfig: this.kubeconfig,
      clusterName: this.clusterName,
      oidcProviderArn: this.oidcProviderArn,
      oidcIssuer: this.oidcIssuer,
      vpcId: this.vpcId,
    });
  }
}
