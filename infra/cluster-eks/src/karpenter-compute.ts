import * as aws from '@pulumi/aws';
import * as eks from '@pulumi/eks';
import type * as k8s from '@pulumi/kubernetes';
import type * as pulumi from '@pulumi/pulumi';
import { installKarpenter } from './karpenter.ts';
import { installLoadBalancerController } from './load-balancer-controller.ts';
import type { NodeLimits, SystemNodes } from './node-provisioning.ts';
import { createNodeRole } from './node-role.ts';
import { createPodIdentityRole } from './pod-identity-role.ts';
import { criticalAddonsOnlyTaint } from './system-taint.ts';

/** Arguments of {@link provisionKarpenterCompute}. */
export interface KarpenterComputeArgs {
  /** The cluster the nodes join. */
  readonly cluster: eks.Cluster;
  /** The EKS cluster name. */
  readonly clusterName: string;
  /** The AWS region. */
  readonly region: string;
  /** The AWS partition. */
  readonly partition: pulumi.Input<string>;
  /** The AWS account id. */
  readonly accountId: pulumi.Input<string>;
  /** The cluster's VPC. */
  readonly vpcId: pulumi.Input<string>;
  /** Private subnets, one per zone: nodes go only there. */
  readonly privateSubnetIds: readonly pulumi.Input<string>[];
  /** The NodePool's total cap (`nodeLimits`). */
  readonly limits: NodeLimits;
  /** The system node group (`systemNodes`). */
  readonly systemNodes: SystemNodes;
}

/**
 * What Auto Mode would otherwise run for you: a small managed node group tainted
 * `CriticalAddonsOnly` for Karpenter and the system add-ons, the EKS Pod Identity agent, the EBS
 * CSI driver, Karpenter and the AWS Load Balancer Controller, each controller with its own role
 * by Pod Identity. Returns the system node group, which cluster add-ons wait for.
 *
 * @example
 * const systemNodes = provisionKarpenterCompute('slipway', { cluster, clusterName, ... }, { parent: this }, provider);
 */
export function provisionKarpenterCompute(
  name: string,
  args: KarpenterComputeArgs,
  awsOpts: pulumi.CustomResourceOptions,
  provider: k8s.Provider,
): eks.ManagedNodeGroup {
  const { count, instanceType } = args.systemNodes;
  const systemNodes = new eks.ManagedNodeGroup(
    `${name}-system-nodes`,
    {
      cluster: args.cluster,
      nodeRole: createNodeRole(`${name}-system-nodes`, args.partition, awsOpts),
      subnetIds: [...args.privateSubnetIds],
      instanceTypes: [instanceType],
      scalingConfig: { minSize: count, maxSize: count, desiredSize: count },
      taints: [criticalAddonsOnlyTaint],
      operatingSystem: eks.OperatingSystem.AL2023,
    },
    awsOpts,
  );
  const onSystemNodes = { ...awsOpts, dependsOn: [args.cluster, systemNodes] };
  const podIdentityAgent = new aws.eks.Addon(
    `${name}-pod-identity-agent`,
    { clusterName: args.clusterName, addonName: 'eks-pod-identity-agent' },
    onSystemNodes,
  );

  const ebsRole = createPodIdentityRole(
    `${name}-ebs-csi`,
    { partition: args.partition, managedPolicies: ['service-role/AmazonEBSCSIDriverPolicy'] },
    awsOpts,
  );
  new aws.eks.Addon(
    `${name}-ebs-csi`,
    {
      clusterName: args.clusterName,
      addonName: 'aws-ebs-csi-driver',
      podIdentityAssociations: [{ roleArn: ebsRole.arn, serviceAccount: 'ebs-csi-controller-sa' }],
      resolveConflictsOnUpdate: 'OVERWRITE',
    },
    { ...awsOpts, dependsOn: [args.cluster, systemNodes, podIdentityAgent] },
  );

  const k8sOpts = { ...awsOpts, provider, dependsOn: [systemNodes, podIdentityAgent] };
  installKarpenter(
    `${name}-karpenter`,
    {
      clusterName: args.clusterName,
      region: args.region,
      partition: args.partition,
      accountId: args.accountId,
      privateSubnetIds: args.privateSubnetIds,
      clusterSecurityGroupId: args.cluster.clusterSecurityGroupId,
      limits: args.limits,
    },
    awsOpts,
    k8sOpts,
  );
  installLoadBalancerController(
    `${name}-load-balancer-controller`,
    {
      clusterName: args.clusterName,
      region: args.region,
      vpcId: args.vpcId,
      partition: args.partition,
    },
    awsOpts,
    k8sOpts,
  );
  return systemNodes;
}
