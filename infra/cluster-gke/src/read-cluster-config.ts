import type * as pulumi from '@pulumi/pulumi';
import { rejectSetting } from '@slipway/infra-cluster-shared';
import { clusterName } from '@slipway/platform-contract';
import { defaultGkeMode, type GkeMode, gkeModes } from './cluster-mode.ts';
import type { GkeClusterArgs, GkeClusterCommonArgs, GkeClusterModeArgs } from './gke-cluster.ts';
import type { GkeNodePoolArgs } from './gke-node-pool.ts';
import type { ResourceLimits } from './node-auto-provisioning.ts';
import { defaultKubernetesVersion } from './versions.ts';

/**
 * What the stack config says about the cluster (`Pulumi.<stack>.yaml`), in {@link GkeClusterArgs}'
 * terms: `clusterName` (default `slipway-<stack>`), `gcp:project` and `gcp:region` (required),
 * `zones` (absent: the program takes the region's first three that are up), `kubernetesVersion`,
 * `deletionProtection` (default true), `mode` (default `autopilot`) and, in standard mode only,
 * `nodePool` and `resourceLimits`.
 */
export type GkeClusterConfig = Omit<GkeClusterCommonArgs, 'zones'> & {
  readonly zones?: readonly string[];
} & GkeClusterModeArgs;

function isClusterMode(value: string): value is GkeMode {
  return (gkeModes as readonly string[]).includes(value);
}

/**
 * Reads the cluster settings from the project's and the `gcp` provider's stack config, and
 * rejects settings that would be silently ignored, naming the field and the fix.
 *
 * @example
 * const settings = readClusterConfig(new pulumi.Config(), new pulumi.Config('gcp'), pulumi.getStack());
 */
export function readClusterConfig(
  config: pulumi.Config,
  gcpConfig: pulumi.Config,
  stack: string,
): GkeClusterConfig {
  if (config.get('apiAllowedCidrs') !== undefined) {
    rejectSetting(
      'apiAllowedCidrs',
      'no longer applies: the Kubernetes API is reached only through the DNS-based endpoint, where IAM (container.clusters.connect), not the source address, decides who gets in. Remove it, and grant roles/container.developer (or narrower) to the people and CI identities that need the API; see docs/clusters/gke.md',
    );
  }
  const mode = config.get('mode') ?? defaultGkeMode;
  if (!isClusterMode(mode)) {
    rejectSetting('mode', `must be one of ${gkeModes.join(', ')}, got "${mode}"`);
  }
  const zones = config.getObject<string[]>('zones');
  const common = {
    clusterName: config.get('clusterName') ?? clusterName(stack),
    project: gcpConfig.require('project'),
    region: gcpConfig.require('region'),
    kubernetesVersion: config.get('kubernetesVersion') ?? defaultKubernetesVersion,
    deletionProtection: config.getBoolean('deletionProtection') ?? true,
    ...(zones ? { zones } : {}),
  };
  const nodePool = config.getObject<GkeNodePoolArgs>('nodePool');
  const resourceLimits = config.getObject<ResourceLimits>('resourceLimits');
  if (mode === 'standard') {
    return {
      ...common,
      mode,
      ...(nodePool ? { nodePool } : {}),
      ...(resourceLimits ? { resourceLimits } : {}),
    };
  }
  for (const [field, value] of [
    ['nodePool', nodePool],
    ['resourceLimits', resourceLimits],
  ] as const) {
    if (value !== undefined) {
      rejectSetting(
        field,
        'applies only to mode: standard; Autopilot sizes nodes per pod itself. Remove it, or set mode: standard',
      );
    }
  }
  return { ...common, mode };
}
