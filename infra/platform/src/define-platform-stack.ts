import type * as pulumi from '@pulumi/pulumi';
import { productNames } from '@slipway/platform-contract';
import { readApiServerEndpoints } from './api-server-endpoints.ts';
import { readClusterStack } from './cluster-stack.ts';
import { createKubernetesProvider } from './kubernetes-provider.ts';
import { Platform } from './platform.ts';
import { type PlatformStackOutputs, platformStackOutputs } from './platform-stack-outputs.ts';
import { readPlatformStackConfig } from './read-platform-stack-config.ts';

/**
 * The whole platform program: reads the stack config and the cluster stack's outputs, connects
 * to the cluster, and composes the Platform (which reads where the API server is when an add-on
 * needs it), returning its stack outputs. The entry point and the offline render both call it, so what is rendered is what is
 * deployed.
 *
 * @example
 * export default definePlatformStack(new pulumi.Config(), pulumi.getStack());
 */
export function definePlatformStack(config: pulumi.Config, stack: string): PlatformStackOutputs {
  const { platform: settings, ...connection } = readPlatformStackConfig(config, stack);
  const cluster = connection.clusterStack
    ? readClusterStack('cluster', connection.clusterStack)
    : undefined;
  const provider = createKubernetesProvider('cluster', connection, cluster?.kubeconfig);
  const platform = new Platform(
    productNames.name,
    {
      ...settings,
      apiServer: () => readApiServerEndpoints('kubernetes-api', provider),
      ...(cluster ? { gatewayLoadBalancer: cluster.gatewayLoadBalancer } : {}),
    },
    { providers: { kubernetes: provider } },
  );
  return platformStackOutputs(platform);
}
