import * as aws from '@pulumi/aws';
import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import type { ClusterObjectOptions } from './cluster-object-options.ts';
import { karpenterControllerPolicy } from './karpenter-controller-policy.ts';
import { createInterruptionQueue } from './karpenter-interruption-queue.ts';
import { ec2NodeClassSpec, karpenterPoolName, nodePoolSpec } from './karpenter-node-pool.ts';
import type { NodeLimits } from './node-provisioning.ts';
import { createNodeRole } from './node-role.ts';
import { associatePodIdentity, createPodIdentityRole } from './pod-identity-role.ts';
import { karpenterChart } from './versions.ts';

/** Arguments of {@link installKarpenter}. */
export interface KarpenterArgs {
  /** The EKS cluster name. */
  readonly clusterName: string;
  /** The AWS region of the cluster. */
  readonly region: string;
  /** The AWS partition. */
  readonly partition: pulumi.Input<string>;
  /** The AWS account id, for the controller's scoped ARNs. */
  readonly accountId: pulumi.Input<string>;
  /** The private subnets Karpenter's nodes go in. */
  readonly privateSubnetIds: readonly pulumi.Input<string>[];
  /** The EKS cluster security group the nodes join. */
  readonly clusterSecurityGroupId: pulumi.Input<string>;
  /** The NodePool's total cap. */
  readonly limits: NodeLimits;
}

const namespace = 'kube-system';
const serviceAccount = 'karpenter';

/**
 * Installs Karpenter from its pinned OCI chart with everything it needs on AWS: the controller's
 * role by EKS Pod Identity, the node role (joined to the cluster by an EC2_LINUX access entry),
 * the interruption queue, and one EC2NodeClass and NodePool. Its pods tolerate the system node
 * group's `CriticalAddonsOnly` taint and keep off the nodes they manage (the chart's defaults).
 *
 * @example
 * installKarpenter('slipway-karpenter', { clusterName, region, partition, accountId, privateSubnetIds, clusterSecurityGroupId, limits }, { parent: this }, { parent: this, provider, dependsOn: [systemNodes] });
 */
export function installKarpenter(
  name: string,
  args: KarpenterArgs,
  awsOpts: pulumi.CustomResourceOptions,
  k8sOpts: ClusterObjectOptions,
): k8s.helm.v3.Release {
  const queue = createInterruptionQueue(`${name}-interruption`, awsOpts);
  const nodeRole = createNodeRole(`${name}-nodes`, args.partition, awsOpts);
  // In API authentication mode a node joins only with an access entry for its role.
  new aws.eks.AccessEntry(
    `${name}-nodes`,
    { clusterName: args.clusterName, principalArn: nodeRole.arn, type: 'EC2_LINUX' },
    awsOpts,
  );
  const policy = pulumi
    .all([args.partition, args.accountId, nodeRole.arn, queue.arn])
    .apply(([partition, accountId, nodeRoleArn, queueArn]) =>
      JSON.stringify(
        karpenterControllerPolicy({
          partition,
          region: args.region,
          accountId,
          clusterName: args.clusterName,
          nodeRoleArn,
          queueArn,
        }),
      ),
    );
  const role = createPodIdentityRole(
    `${name}-controller`,
    { partition: args.partition, policy },
    awsOpts,
  );
  const association = associatePodIdentity(
    `${name}-controller`,
    { clusterName: args.clusterName, namespace, serviceAccount, role },
    awsOpts,
  );

  const release = new k8s.helm.v3.Release(
    name,
    {
      name: 'karpenter',
      namespace,
      chart: karpenterChart.chart,
      version: karpenterChart.version,
      values: {
        settings: { clusterName: args.clusterName, interruptionQueue: queue.name },
        serviceAccount: { name: serviceAccount },
        controller: {
          resources: { requests: { cpu: '500m', memory: '512Mi' }, limits: { memory: '1Gi' } },
        },
      },
    },
    { ...k8sOpts, dependsOn: [...k8sOpts.dependsOn, association] },
  );

  // The chart brings the CRDs; the node class and pool wait for it.
  const afterRelease = { ...k8sOpts, dependsOn: [release] };
  new k8s.apiextensions.CustomResource(
    `${name}-node-class`,
    {
      apiVersion: 'karpenter.k8s.aws/v1',
      kind: 'EC2NodeClass',
      metadata: { name: karpenterPoolName },
      spec: ec2NodeClassSpec({
        nodeRoleName: nodeRole.name,
        subnetIds: args.privateSubnetIds,
        securityGroupId: args.clusterSecurityGroupId,
      }),
    },
    afterRelease,
  );
  new k8s.apiextensions.CustomResource(
    `${name}-node-pool`,
    {
      apiVersion: 'karpenter.sh/v1',
      kind: 'NodePool',
      metadata: { name: karpenterPoolName },
      spec: nodePoolSpec(args.limits),
    },
    afterRelease,
  );
  return release;
}
