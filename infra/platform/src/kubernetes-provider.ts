import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import type { ClusterConnection } from './read-platform-stack-config.ts';

/**
 * The Kubernetes provider every platform resource is created with: the
 * cluster stack's `kubeconfig` output when `clusterStack` is set (so the
 * credential never leaves Pulumi's secret store), otherwise the ambient
 * kubeconfig (`KUBECONFIG`, `~/.kube/config`) and its current or named context,
 * which is how a local kind or minikube cluster is targeted.
 *
 * @example
 * const provider = createKubernetesProvider('cluster', { clusterStack: 'organization/slipway-cluster-eks/dev' });
 */
export function createKubernetesProvider(
  name: string,
  connection: ClusterConnection,
): k8s.Provider {
  if (connection.clusterStack) {
    const cluster = new pulumi.StackReference(name, { name: connection.clusterStack });
    const kubeconfig = cluster.requireOutput('kubeconfig').apply((value) => {
      if (typeof value !== 'string' || value === '') {
        throw new Error(`stack ${connection.clusterStack} exports no kubeconfig string`);
      }
      return value;
    });
    return new k8s.Provider(name, { kubeconfig, enableServerSideApply: true });
  }
  return new k8s.Provider(name, {
    enableServerSideApply: true,
    ...(connection.kubeContext ? { context: connection.kubeContext } : {}),
  });
}
