import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import type { ClusterObjectOptions } from './cluster-object-options.ts';
import { loadBalancerControllerPolicy } from './load-balancer-controller-policy.ts';
import { associatePodIdentity, createPodIdentityRole } from './pod-identity-role.ts';
import { criticalAddonsOnlyToleration } from './system-taint.ts';
import { loadBalancerControllerChart } from './versions.ts';

/** Arguments of {@link installLoadBalancerController}. */
export interface LoadBalancerControllerArgs {
  /** The EKS cluster name. */
  readonly clusterName: string;
  /** The AWS region of the cluster. */
  readonly region: string;
  /** The VPC the load balancers go in. */
  readonly vpcId: pulumi.Input<string>;
  /** The AWS partition. */
  readonly partition: pulumi.Input<string>;
}

const namespace = 'kube-system';
const serviceAccount = 'aws-load-balancer-controller';

/**
 * Installs the AWS Load Balancer Controller (Karpenter mode; Auto Mode has it built in) with its
 * role by EKS Pod Identity. It serves only Services that name its `service.k8s.aws/nlb` class:
 * the Service mutator webhook, which would claim every `LoadBalancer` Service, is off.
 *
 * @example
 * installLoadBalancerController('slipway-lbc', { clusterName, region, vpcId, partition }, { parent: this }, { parent: this, provider, dependsOn: [systemNodes] });
 */
export function installLoadBalancerController(
  name: string,
  args: LoadBalancerControllerArgs,
  awsOpts: pulumi.CustomResourceOptions,
  k8sOpts: ClusterObjectOptions,
): k8s.helm.v3.Release {
  const policy = pulumi
    .output(args.partition)
    .apply((partition) => JSON.stringify(loadBalancerControllerPolicy(partition)));
  const role = createPodIdentityRole(
    `${name}-role`,
    { partition: args.partition, policy },
    awsOpts,
  );
  const association = associatePodIdentity(
    `${name}-role`,
    { clusterName: args.clusterName, namespace, serviceAccount, role },
    awsOpts,
  );
  return new k8s.helm.v3.Release(
    name,
    {
      name: 'aws-load-balancer-controller',
      namespace,
      chart: loadBalancerControllerChart.chart,
      version: loadBalancerControllerChart.version,
      repositoryOpts: { repo: loadBalancerControllerChart.repo },
      values: {
        clusterName: args.clusterName,
        region: args.region,
        vpcId: args.vpcId,
        replicaCount: 2,
        serviceAccount: { create: true, name: serviceAccount },
        enableServiceMutatorWebhook: false,
        tolerations: [criticalAddonsOnlyToleration],
      },
    },
    { ...k8sOpts, dependsOn: [...k8sOpts.dependsOn, association] },
  );
}
