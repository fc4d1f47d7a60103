import type * as pulumi from '@pulumi/pulumi';
import type { ClusterStack, WorkloadIdentity } from '@slipway/infra-workload-identity';
import { productNames } from '@slipway/platform-contract';
import { readApiServerEndpoints } from './api-server-endpoints.ts';
import { createKubernetesProvider } from './kubernetes-provider.ts';
import { Platform } from './platform.ts';
import { type PlatformStackOutputs, platformStackOutputs } from './platform-stack-outputs.ts';
import { readPlatformStackConfig } from './read-platform-stack-config.ts';

/**
 * The whole platform program: reads the stack config, connects to the cluster and composes the
 * Platform (which reads where the API server is when an add-on needs it), returning its stack
 * outputs. The entry point and the offline render both call it, so what is rendered is what is
 * deployed. `cluster` is the cluster stack's outputs, read by the entry point (a kind cluster has
 * none; a render has no identity): the kubeconfig, the edge's load balancer, and the workload
 * identity Velero and cert-manager get their cloud identities from.
 *
 * @example
 * export default definePlatformStack(config, pulumi.getStack(), await readClusterStack(config.get('clusterStack')));
 */
export function definePlatformStack(
  config: pulumi.Config,
  stack: string,
  // The platform provisions no data services: the services program reads the data network.
  cluster?: Omit<ClusterStack, 'workloadIdentity' | 'dataNetwork'> & {
    readonly workloadIdentity?: WorkloadIdentity;
  },
): PlatformStackOutputs {
  const { platform: settings, ...connection } = readPlatformStackConfig(config, stack);
  const provider = createKubernetesProvider('cluster', connection, cluster?.kubeconfig);
  const platform = new Platform(
    productNames.name,
    {
      ...settings,
      apiServer: () => readApiServerEndpoints('kubernetes-api', provider),
      ...(cluster ? { gatewayLoadBalancer: cluster.gatewayLoadBalancer } : {}),
      ...(cluster?.workloadIdentity ? { workloadIdentity: cluster.workloadIdentity } : {}),
    },
    { providers: { kubernetes: provider } },
  );
  return platformStackOutputs(platform);
}
