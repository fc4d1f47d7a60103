import * as pulumi from '@pulumi/pulumi';
import { clusterOutputNames, type GatewayLoadBalancer } from '@slipway/infra-workload-identity';

/** What the platform reads from the cluster stack (`clusterStack`). */
export interface ClusterStackOutputs {
  /** Its `kubeconfig`, a secret. */
  readonly kubeconfig: pulumi.Output<string>;
  /** Its `gatewayLoadBalancer`: the class and annotations of the edge's load balancer. */
  readonly gatewayLoadBalancer: pulumi.Output<GatewayLoadBalancer>;
}

function isGatewayLoadBalancer(value: unknown): value is GatewayLoadBalancer {
  if (typeof value !== 'object' || value === null) return false;
  const { loadBalancerClass, annotations } = value as Record<string, unknown>;
  return (
    (loadBalancerClass === undefined || typeof loadBalancerClass === 'string') &&
    typeof annotations === 'object' &&
    annotations !== null &&
    Object.values(annotations).every((v) => typeof v === 'string')
  );
}

/**
 * Reads the cluster program's outputs through one StackReference, by the names
 * `@slipway/infra-workload-identity` owns, failing with the stack's name when one is missing
 * or malformed.
 *
 * @example
 * const cluster = readClusterStack('cluster', 'organization/slipway-cluster-eks/dev');
 */
export function readClusterStack(name: string, clusterStack: string): ClusterStackOutputs {
  const reference = new pulumi.StackReference(name, { name: clusterStack });
  const kubeconfig = reference.requireOutput(clusterOutputNames.kubeconfig).apply((value) => {
    if (typeof value !== 'string' || value === '') {
      throw new Error(`stack ${clusterStack} exports no kubeconfig string`);
    }
    return value;
  });
  const gatewayLoadBalancer = reference
    .requireOutput(clusterOutputNames.gatewayLoadBalancer)
    .apply((value) => {
      if (!isGatewayLoadBalancer(value)) {
        throw new Error(
          `stack ${clusterStack} exports no valid ${clusterOutputNames.gatewayLoadBalancer} ({ loadBalancerClass?, annotations }); update the cluster stack first`,
        );
      }
      return value;
    });
  return { kubeconfig, gatewayLoadBalancer };
}
