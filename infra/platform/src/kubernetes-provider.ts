import * as k8s from '@pulumi/kubernetes';
import type * as pulumi from '@pulumi/pulumi';
import type { ClusterConnection } from './read-platform-stack-config.ts';

/**
 * The Kubernetes provider every platform resource is created with: the cluster stack's
 * `kubeconfig` output when `clusterStack` is set (so the credential never leaves Pulumi's
 * secret store; `readClusterStack` reads it), otherwise the ambient kubeconfig (`KUBECONFIG`,
 * `~/.kube/config`) and its current or named context, which is how a local kind or minikube
 * cluster is targeted.
 *
 * @example
 * const provider = createKubernetesProvider('cluster', {}, cluster.kubeconfig);
 */
export function createKubernetesProvider(
  name: string,
  connection: ClusterConnection,
  clusterKubeconfig?: pulumi.Output<string>,
): k8s.Provider {
  if (clusterKubeconfig) {
    return new k8s.Provider(name, { kubeconfig: clusterKubeconfig, enableServerSideApply: true });
  }
  return new k8s.Provider(name, {
    enableServerSideApply: true,
    ...(connection.kubeContext ? { context: connection.kubeContext } : {}),
  });
}
