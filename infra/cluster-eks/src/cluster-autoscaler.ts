import * as aws from '@pulumi/aws';
import * as k8s from '@pulumi/kubernetes';
import type * as pulumi from '@pulumi/pulumi';
import { createIrsaRole } from './irsa-role.ts';
import { clusterAutoscalerChart } from './versions.ts';

/** Arguments of {@link installClusterAutoscaler}. */
export interface ClusterAutoscalerArgs {
  /** The EKS cluster name: the autoscaler discovers node groups by its tags. */
  readonly clusterName: string;
  /** The AWS region of the cluster. */
  readonly region: pulumi.Input<string>;
  /** The Kubernetes minor version; the autoscaler image must match it. */
  readonly kubernetesVersion: string;
  /** ARN of the cluster's IAM OIDC provider. */
  readonly oidcProviderArn: pulumi.Input<string>;
  /** The cluster's OIDC issuer without `https://`. */
  readonly oidcIssuer: pulumi.Input<string>;
}

const serviceAccount = 'cluster-autoscaler';

/**
 * Installs cluster-autoscaler with an IAM role scoped to this cluster's
 * node groups. On EKS a managed node group's min/max only bound the Auto
 * Scaling group; this controller is what adds nodes when pods are pending
 * and removes idle ones.
 *
 * @example
 * installClusterAutoscaler('slipway-autoscaler', { clusterName, region, kubernetesVersion: '1.35', oidcProviderArn, oidcIssuer }, { parent: this }, { parent: this, provider });
 */
export function installClusterAutoscaler(
  name: string,
  args: ClusterAutoscalerArgs,
  awsOpts: pulumi.CustomResourceOptions,
  k8sOpts: pulumi.CustomResourceOptions,
): k8s.helm.v3.Release {
  const role = createIrsaRole(
    `${name}-role`,
    {
      oidcProviderArn: args.oidcProviderArn,
      oidcIssuer: args.oidcIssuer,
      namespace: 'kube-system',
      serviceAccount,
    },
    awsOpts,
  );
  new aws.iam.RolePolicy(
    `${name}-policy`,
    {
      role: role.id,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: [
              'autoscaling:DescribeAutoScalingGroups',
              'autoscaling:DescribeAutoScalingInstances',
              'autoscaling:DescribeLaunchConfigurations',
              'autoscaling:DescribeScalingActivities',
              'autoscaling:DescribeTags',
              'ec2:DescribeImages',
              'ec2:DescribeInstanceTypes',
              'ec2:DescribeLaunchTemplateVersions',
              'ec2:GetInstanceTypesFromInstanceRequirements',
              'eks:DescribeNodegroup',
            ],
            Resource: '*',
          },
          {
            // Scaling actions only on groups tagged as this cluster's.
            Effect: 'Allow',
            Action: [
              'autoscaling:SetDesiredCapacity',
              'autoscaling:TerminateInstanceInAutoScalingGroup',
            ],
            Resource: '*',
            Condition: {
              StringEquals: {
                [`aws:ResourceTag/k8s.io/cluster-autoscaler/${args.clusterName}`]: 'owned',
              },
            },
          },
        ],
      }),
    },
    awsOpts,
  );

  return new k8s.helm.v3.Release(
    name,
    {
      name: 'cluster-autoscaler',
      namespace: 'kube-system',
      chart: clusterAutoscalerChart.chart,
      version: clusterAutoscalerChart.version,
      repositoryOpts: { repo: clusterAutoscalerChart.repo },
      values: {
        cloudProvider: 'aws',
        awsRegion: args.region,
        autoDiscovery: { clusterName: args.clusterName },
        image: { tag: `v${args.kubernetesVersion}.0` },
        rbac: {
          serviceAccount: {
            create: true,
            name: serviceAccount,
            annotations: { 'eks.amazonaws.com/role-arn': role.arn },
          },
        },
        extraArgs: {
          'balance-similar-node-groups': true,
          expander: 'least-waste',
          'skip-nodes-with-system-pods': false,
        },
      },
    },
    k8sOpts,
  );
}
