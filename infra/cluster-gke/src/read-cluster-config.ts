import type * as pulumi from '@pulumi/pulumi';
import { clusterName } from '@slipway/platform-contract';
import type { GkeNodePoolArgs } from './gke-node-pool.ts';
import { defaultKubernetesVersion } from './versions.ts';

/** What the stack config says about the cluster (`Pulumi.<stack>.yaml`). */
export interface GkeClusterConfig {
  /** `clusterName`; default `slipway-<stack>`. */
  readonly clusterName: string;
  /** `gcp:project`, required. */
  readonly project: string;
  /** `gcp:region`, required. */
  readonly region: string;
  /** `zones`; when absent the program takes the region's first three zones that are up. */
  readonly zones?: readonly string[];
  /** `kubernetesVersion`; default {@link defaultKubernetesVersion}. */
  readonly kubernetesVersion: string;
  /** `nodePool` ({ machineType, minNodes, maxNodes, diskSizeGb }); defaults in {@link GkeNodePoolArgs}. */
  readonly nodePool: GkeNodePoolArgs;
  /** `apiAllowedCidrs`; default any address. */
  readonly apiAllowedCidrs?: readonly string[];
  /** `deletionProtection`; default true. */
  readonly deletionProtection: boolean;
}

/**
 * Reads the cluster settings from the project's and the `gcp` provider's stack config.
 *
 * @example
 * const settings = readClusterConfig(new pulumi.Config(), new pulumi.Config('gcp'), pulumi.getStack());
 */
export function readClusterConfig(
  config: pulumi.Config,
  gcpConfig: pulumi.Config,
  stack: string,
): GkeClusterConfig {
  const zones = config.getObject<string[]>('zones');
  const apiAllowedCidrs = config.getObject<string[]>('apiAllowedCidrs');
  return {
    clusterName: config.get('clusterName') ?? clusterName(stack),
    project: gcpConfig.require('project'),
    region: gcpConfig.require('region'),
    kubernetesVersion: config.get('kubernetesVersion') ?? defaultKubernetesVersion,
    nodePool: config.getObject<GkeNodePoolArgs>('nodePool') ?? {},
    deletionProtection: config.getBoolean('deletionProtection') ?? true,
    ...(zones ? { zones } : {}),
    ...(apiAllowedCidrs ? { apiAllowedCidrs } : {}),
  };
}
