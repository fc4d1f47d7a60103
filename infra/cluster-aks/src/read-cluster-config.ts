import type * as pulumi from '@pulumi/pulumi';
import { clusterName } from '@slipway/platform-contract';
import type { AksClusterArgs } from './aks-cluster.ts';
import type { AksNodePoolArgs } from './aks-node-pool.ts';
import { defaultKubernetesVersion } from './versions.ts';

/**
 * Reads the cluster settings from the project's and the `azure-native`
 * provider's stack config (`Pulumi.<stack>.yaml`): `clusterName` (default
 * `slipway-<stack>`), `azure-native:location` (required), `zones`,
 * `kubernetesVersion`, `nodePool`, `skuTier`, `apiAllowedCidrs`, `adminGroupObjectIds`.
 *
 * @example
 * const settings = readClusterConfig(new pulumi.Config(), new pulumi.Config('azure-native'), pulumi.getStack());
 */
export function readClusterConfig(
  config: pulumi.Config,
  azureConfig: pulumi.Config,
  stack: string,
): AksClusterArgs {
  const zones = config.getObject<string[]>('zones');
  const apiAllowedCidrs = config.getObject<string[]>('apiAllowedCidrs');
  const adminGroupObjectIds = config.getObject<string[]>('adminGroupObjectIds');
  const skuTier = config.get('skuTier', { allowedValues: ['Standard', 'Free'] }) as
    | 'Standard'
    | 'Free'
    | undefined;
  return {
    clusterName: config.get('clusterName') ?? clusterName(stack),
    location: azureConfig.require('location'),
    kubernetesVersion: config.get('kubernetesVersion') ?? defaultKubernetesVersion,
    nodePool: config.getObject<AksNodePoolArgs>('nodePool') ?? {},
    ...(zones ? { zones } : {}),
    ...(skuTier ? { skuTier } : {}),
    ...(apiAllowedCidrs ? { apiAllowedCidrs } : {}),
    ...(adminGroupObjectIds ? { adminGroupObjectIds } : {}),
  };
}
