import type * as pulumi from '@pulumi/pulumi';
import { createKubernetesProvider } from './kubernetes-provider.js';
import { Platform } from './platform.js';
import { type PlatformStackOutputs, platformStackOutputs } from './platform-stack-outputs.js';
import { readPlatformConfig } from './read-platform-config.js';

/**
 * The whole platform program: reads the stack config, connects to the cluster and composes the
 * Platform, returning its stack outputs. The entry point and the offline render both call it,
 * so what is rendered is what is deployed.
 *
 * @example
 * export default definePlatformStack(new pulumi.Config(), pulumi.getStack());
 */
export function definePlatformStack(config: pulumi.Config, stack: string): PlatformStackOutputs {
  const { platform: settings, ...connection } = readPlatformConfig(config, stack);
  const provider = createKubernetesProvider('cluster', connection);
  const platform = new Platform('slipway', settings, { providers: { kubernetes: provider } });
  return platformStackOutputs(platform);
}
