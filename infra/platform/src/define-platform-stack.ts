import type * as pulumi from '@pulumi/pulumi';
import type { WorkloadIdentity } from '@slipway/infra-workload-identity';
import { productNames } from '@slipway/platform-contract';
import { createKubernetesProvider } from './kubernetes-provider.ts';
import { Platform } from './platform.ts';
import { type PlatformStackOutputs, platformStackOutputs } from './platform-stack-outputs.ts';
import { readPlatformStackConfig } from './read-platform-stack-config.ts';

/**
 * The whole platform program: reads the stack config, connects to the cluster and composes the
 * Platform, returning its stack outputs. The entry point and the offline render both call it,
 * so what is rendered is what is deployed. `workloadIdentity` is the cluster stack's (read by the
 * entry point; a render has none): Velero and cert-manager get their cloud identities from it.
 *
 * @example
 * export default definePlatformStack(new pulumi.Config(), pulumi.getStack());
 */
export function definePlatformStack(
  config: pulumi.Config,
  stack: string,
  workloadIdentity?: WorkloadIdentity,
): PlatformStackOutputs {
  const { platform: settings, ...connection } = readPlatformStackConfig(config, stack);
  const provider = createKubernetesProvider('cluster', connection);
  const args = workloadIdentity ? { ...settings, workloadIdentity } : settings;
  const platform = new Platform(productNames.name, args, {
    providers: { kubernetes: provider },
  });
  return platformStackOutputs(platform);
}
