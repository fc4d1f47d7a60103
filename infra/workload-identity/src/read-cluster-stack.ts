import * as pulumi from '@pulumi/pulumi';
import { gatewayLoadBalancerFrom, workloadIdentityFrom } from './cluster-output-checks.ts';
import {
  clusterOutputNames,
  type DataNetwork,
  type GatewayLoadBalancer,
  type WorkloadIdentity,
} from './cluster-outputs.ts';
import { dataNetworkFrom } from './data-network-check.ts';

/** What the platform and services programs read from their cluster stack (`clusterStack`). */
export interface ClusterStack {
  /** Its `kubeconfig`: stays a secret, never leaves Pulumi's secret store. */
  readonly kubeconfig: pulumi.Output<string>;
  /** Its `gatewayLoadBalancer`: the class and annotations of the edge proxies' Service. */
  readonly gatewayLoadBalancer: pulumi.Output<GatewayLoadBalancer>;
  /**
   * Its `workloadIdentity` as a plain value, read at program start: which resources a
   * ServiceAccount's identity needs depends on the cloud, and resources are never created inside
   * an `apply`.
   */
  readonly workloadIdentity: WorkloadIdentity;
  /**
   * Its `dataNetwork` as a plain value, read at program start like the identity: where the
   * services' managed data services go. Undefined when the cluster stack exports none.
   */
  readonly dataNetwork: DataNetwork | undefined;
}

/**
 * Reads a cluster program's outputs through one StackReference (`cluster`), by the names
 * {@link clusterOutputNames} owns, and checks each. Undefined without a cluster stack: a kind or
 * local cluster is reached by kube context and has no cloud identity.
 * @throws Error naming the stack, the output and the fix when one is missing or malformed.
 * @example const cluster = await readClusterStack(config.get('clusterStack'));
 */
export async function readClusterStack(
  clusterStack: string | undefined,
): Promise<ClusterStack | undefined> {
  if (!clusterStack) return undefined;
  const reference = new pulumi.StackReference('cluster', { name: clusterStack });
  const identity = await reference.getOutputDetails(clusterOutputNames.workloadIdentity);
  const workloadIdentity = workloadIdentityFrom(
    identity.value ?? identity.secretValue,
    clusterStack,
  );
  const network = await reference.getOutputDetails(clusterOutputNames.dataNetwork);
  const dataNetwork = dataNetworkFrom(network.value ?? network.secretValue, clusterStack);
  // Read when first used: an output no resource takes (the services never take the load
  // balancer) would otherwise fail the run for a value nobody needs.
  let kubeconfig: pulumi.Output<string> | undefined;
  let gatewayLoadBalancer: pulumi.Output<GatewayLoadBalancer> | undefined;
  return {
    get kubeconfig() {
      kubeconfig ??= reference.requireOutput(clusterOutputNames.kubeconfig).apply((value) => {
        if (typeof value !== 'string' || value === '') {
          throw new Error(
            `stack ${clusterStack} exports no ${clusterOutputNames.kubeconfig} string: run pulumi up on the cluster stack`,
          );
        }
        return value;
      });
      return kubeconfig;
    },
    get gatewayLoadBalancer() {
      gatewayLoadBalancer ??= reference
        .requireOutput(clusterOutputNames.gatewayLoadBalancer)
        .apply((value) => gatewayLoadBalancerFrom(value, clusterStack));
      return gatewayLoadBalancer;
    },
    workloadIdentity,
    dataNetwork,
  };
}
