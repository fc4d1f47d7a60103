import type * as pulumi from '@pulumi/pulumi';
import { rejectSetting } from '@slipway/infra-cluster-shared';
import { clusterName } from '@slipway/platform-contract';
import type { AksClusterArgs } from './aks-cluster.ts';
import type { AksNodePoolArgs } from './aks-node-pool.ts';
import { type AksMode, aksModes, defaultAksMode } from './cluster-mode.ts';

const skuTiers = ['Standard', 'Free'] as const;
const objectIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<Value extends string>(
  field: string,
  allowed: readonly Value[],
  value: string | undefined,
): Value | undefined {
  if (value === undefined || (allowed as readonly string[]).includes(value)) {
    return value as Value | undefined;
  }
  return rejectSetting(field, `must be one of ${allowed.join(', ')}, got ${value}`);
}

// With local accounts off and Azure RBAC on, these grants are the only way in: a stack without
// one would deploy a cluster nobody (not even CI) can use, failing later, far from the cause.
function readAdminGroups(config: pulumi.Config): readonly string[] {
  const groups = config.getObject<unknown>('adminGroupObjectIds');
  if (!Array.isArray(groups) || groups.length === 0) {
    return rejectSetting(
      'adminGroupObjectIds',
      'must list at least one Entra ID group object id: only its members can use the cluster ' +
        '(local accounts are off); add one with `pulumi config set --path adminGroupObjectIds[0] <group-object-id>`',
    );
  }
  return groups.map((group, index) =>
    typeof group === 'string' && objectIdPattern.test(group)
      ? group
      : rejectSetting(
          `adminGroupObjectIds[${index}]`,
          `must be a group object id (a GUID), got ${group}`,
        ),
  );
}

function readNodePool(config: pulumi.Config, mode: AksMode): AksNodePoolArgs | undefined {
  const pool = config.getObject<AksNodePoolArgs & Record<string, unknown>>('nodePool');
  if (pool === undefined) {
    return undefined;
  }
  if (mode === 'automatic') {
    return rejectSetting(
      'nodePool',
      'does not apply with mode: automatic (AKS Automatic sizes its system nodes); remove it',
    );
  }
  for (const retired of ['minCount', 'maxCount']) {
    if (retired in pool) {
      rejectSetting(
        `nodePool.${retired}`,
        'is no longer read: node autoprovisioning creates the app nodes and the system pool has a fixed size; write nodePool.count',
      );
    }
  }
  return pool;
}

/**
 * Reads the cluster settings from the project's and the `azure-native` provider's stack config
 * (`Pulumi.<stack>.yaml`): `clusterName` (default `slipway-<stack>`), `azure-native:location` and
 * `adminGroupObjectIds` (both required), `mode`, `zones`, `kubernetesVersion`, `nodePool`,
 * `skuTier`, `apiAllowedCidrs`. Rejects a setting the mode cannot use, naming the key and the fix.
 *
 * @example
 * const settings = readClusterConfig(new pulumi.Config(), new pulumi.Config('azure-native'), pulumi.getStack());
 */
export function readClusterConfig(
  config: pulumi.Config,
  azureConfig: pulumi.Config,
  stack: string,
): AksClusterArgs {
  const mode = oneOf('mode', aksModes, config.get('mode'));
  const skuTier = oneOf('skuTier', skuTiers, config.get('skuTier'));
  if (mode === 'automatic' && skuTier === 'Free') {
    rejectSetting(
      'skuTier',
      'must be Standard with mode: automatic (AKS Automatic includes the Standard tier); remove it or use mode: node-autoprovisioning',
    );
  }
  const nodePool = readNodePool(config, mode ?? defaultAksMode);
  const zones = config.getObject<string[]>('zones');
  const kubernetesVersion = config.get('kubernetesVersion');
  const apiAllowedCidrs = config.getObject<string[]>('apiAllowedCidrs');
  return {
    clusterName: config.get('clusterName') ?? clusterName(stack),
    location: azureConfig.require('location'),
    adminGroupObjectIds: readAdminGroups(config),
    ...(mode ? { mode } : {}),
    ...(nodePool ? { nodePool } : {}),
    ...(zones ? { zones } : {}),
    ...(kubernetesVersion ? { kubernetesVersion } : {}),
    ...(skuTier ? { skuTier } : {}),
    ...(apiAllowedCidrs ? { apiAllowedCidrs } : {}),
  };
}
