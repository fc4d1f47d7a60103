import type * as pulumi from '@pulumi/pulumi';
import { clusterName } from '@slipway/platform-contract';
import type { EksNodePoolArgs } from './eks-cluster.ts';
import { defaultKubernetesVersion } from './versions.ts';

/** What the stack config says about the cluster (`Pulumi.<stack>.yaml`). */
export interface EksClusterConfig {
  /** `clusterName`; default `slipway-<stack>`. */
  readonly clusterName: string;
  /** `kubernetesVersion`; default {@link defaultKubernetesVersion}. */
  readonly kubernetesVersion: string;
  /** `availabilityZones`; when absent the program takes the region's first three. */
  readonly availabilityZones?: readonly string[];
  /** `nodePool` ({ instanceType, minSize, maxSize, diskSizeGiB }); defaults in {@link EksNodePoolArgs}. */
  readonly nodePool: EksNodePoolArgs;
  /** `apiAllowedCidrs`; default everyone (the API still requires IAM authentication). */
  readonly apiAllowedCidrs?: readonly string[];
}

/**
 * Reads the cluster settings from the project's stack config.
 *
 * @example
 * const settings = readClusterConfig(new pulumi.Config(), pulumi.getStack());
 */
export function readClusterConfig(config: pulumi.Config, stack: string): EksClusterConfig {
  const availabilityZones = config.getObject<string[]>('availabilityZones');
  const apiAllowedCidrs = config.getObject<string[]>('apiAllowedCidrs');
  return {
    clusterName: config.get('clusterName') ?? clusterName(stack),
    kubernetesVersion: config.get('kubernetesVersion') ?? defaultKubernetesVersion,
    nodePool: config.getObject<EksNodePoolArgs>('nodePool') ?? {},
    ...(availabilityZones ? { availabilityZones } : {}),
    ...(apiAllowedCidrs ? { apiAllowedCidrs } : {}),
  };
}
