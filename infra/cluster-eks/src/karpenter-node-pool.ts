import type * as pulumi from '@pulumi/pulumi';
import type { NodeLimits } from './node-provisioning.ts';

/** Name of the one EC2NodeClass and the one NodePool this program creates. */
export const karpenterPoolName = 'default';

/** Arguments of {@link ec2NodeClassSpec}. */
export interface Ec2NodeClassSpecArgs {
  /** Name of the IAM role Karpenter's nodes run as. */
  readonly nodeRoleName: pulumi.Input<string>;
  /** The private subnets nodes go in, one per zone. */
  readonly subnetIds: readonly pulumi.Input<string>[];
  /** The EKS cluster security group (control plane and nodes talk through it). */
  readonly securityGroupId: pulumi.Input<string>;
}

/**
 * The `EC2NodeClass` spec (karpenter.k8s.aws/v1): AL2023 nodes in the private subnets, IMDSv2
 * only and out of pods' reach, encrypted gp3 root volumes. `al2023@latest` means Karpenter
 * drifts nodes onto each new EKS-optimised AMI, as Auto Mode does; pin `al2023@v<date>` to hold.
 *
 * @example
 * new k8s.apiextensions.CustomResource('nodeclass', { apiVersion: 'karpenter.k8s.aws/v1', kind: 'EC2NodeClass', metadata: { name: karpenterPoolName }, spec: ec2NodeClassSpec(args) });
 */
export function ec2NodeClassSpec(args: Ec2NodeClassSpecArgs) {
  return {
    role: args.nodeRoleName,
    amiSelectorTerms: [{ alias: 'al2023@latest' }],
    subnetSelectorTerms: args.subnetIds.map((id) => ({ id })),
    securityGroupSelectorTerms: [{ id: args.securityGroupId }],
    metadataOptions: {
      httpEndpoint: 'enabled',
      httpTokens: 'required',
      httpPutResponseHopLimit: 1,
    },
    blockDeviceMappings: [
      {
        deviceName: '/dev/xvda',
        ebs: { volumeSize: '50Gi', volumeType: 'gp3', encrypted: true, deleteOnTermination: true },
      },
    ],
  };
}

/**
 * The `NodePool` spec (karpenter.sh/v1): on-demand and Spot (Karpenter prefers Spot while it is
 * available, and falls back), the compute, general and memory families of the last generations
 * so it can pick the cheapest fit, a total cap from `nodeLimits`, and consolidation that removes
 * empty nodes and replaces underused ones with cheaper ones.
 *
 * @example
 * nodePoolSpec({ cpu: 64, memory: '256Gi' }).limits; // { cpu: '64', memory: '256Gi' }
 */
export function nodePoolSpec(limits: NodeLimits) {
  return {
    template: {
      spec: {
        nodeClassRef: { group: 'karpenter.k8s.aws', kind: 'EC2NodeClass', name: karpenterPoolName },
        requirements: [
          { key: 'karpenter.sh/capacity-type', operator: 'In', values: ['on-demand', 'spot'] },
          { key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] },
          { key: 'karpenter.k8s.aws/instance-category', operator: 'In', values: ['c', 'm', 'r'] },
          { key: 'karpenter.k8s.aws/instance-generation', operator: 'Gt', values: ['5'] },
        ],
        // Nodes are replaced after 30 days at most, so AMI and kernel fixes reach every node.
        expireAfter: '720h',
      },
    },
    limits: { cpu: String(limits.cpu), memory: limits.memory },
    disruption: { consolidationPolicy: 'WhenEmptyOrUnderutilized', consolidateAfter: '1m' },
  };
}
