import type * as gcp from '@pulumi/gcp';
import type * as pulumi from '@pulumi/pulumi';
import { rejectSetting } from '@slipway/infra-cluster-shared';

/** The cluster-wide ceiling node auto-provisioning scales to, as the stack config's `resourceLimits` spells it. */
export interface ResourceLimits {
  /** Most vCPUs across all nodes, the small pool's included. Default: 64. */
  readonly cpu?: number;
  /** Most memory across all nodes, in GB. Default: 256. */
  readonly memoryGb?: number;
}

/** {@link ResourceLimits} once defaults are applied. */
export type ResolvedResourceLimits = Required<ResourceLimits>;

/** A ceiling against runaway scale-ups, well above what the small pool alone can reach. */
const defaultResourceLimits: ResolvedResourceLimits = { cpu: 64, memoryGb: 256 };

/**
 * Applies the defaults to the stack config's `resourceLimits` and rejects a limit that is not
 * a whole number of at least 1, naming the field.
 * @example resolveResourceLimits({ cpu: 128 }) // { cpu: 128, memoryGb: 256 }
 */
export function resolveResourceLimits(limits: ResourceLimits | undefined): ResolvedResourceLimits {
  const resolved = { ...defaultResourceLimits, ...limits };
  for (const field of ['cpu', 'memoryGb'] as const) {
    const value = resolved[field];
    if (!Number.isInteger(value) || value < 1) {
      rejectSetting(
        `resourceLimits.${field}`,
        `must be a whole number of at least 1, got ${value}`,
      );
    }
  }
  return resolved;
}

/** What the auto-provisioned nodes of either mode share. */
export interface NodeDefaultsArgs {
  /** Email of the least-privilege node service account. */
  readonly serviceAccount: pulumi.Input<string>;
}

/** Node access is governed by the service account's IAM roles, not by legacy access scopes. */
const cloudPlatformScope = 'https://www.googleapis.com/auth/cloud-platform';

/**
 * Autopilot's `clusterAutoscaling`: only the nodes' identity is ours to set; Google sizes,
 * shields and upgrades the nodes itself.
 * @example new gcp.container.Cluster('c', { enableAutopilot: true, clusterAutoscaling: autopilotAutoscaling({ serviceAccount }) });
 */
export function autopilotAutoscaling({
  serviceAccount,
}: NodeDefaultsArgs): gcp.types.input.container.ClusterClusterAutoscaling {
  return { autoProvisioningDefaults: { serviceAccount, oauthScopes: [cloudPlatformScope] } };
}

/** Arguments of {@link nodeAutoProvisioning}. */
export interface NodeAutoProvisioningArgs extends NodeDefaultsArgs {
  /** Zones the provisioned node pools spread over. */
  readonly zones: readonly string[];
  /** The cluster-wide ceiling. */
  readonly limits: ResolvedResourceLimits;
}

/**
 * Standard mode's `clusterAutoscaling`: node auto-provisioning creates and removes node pools
 * sized for pending pods, packing them tightly (`OPTIMIZE_UTILIZATION`), with the same
 * hardening as the small pool.
 * @example new gcp.container.Cluster('c', { clusterAutoscaling: nodeAutoProvisioning({ serviceAccount, zones, limits }) });
 */
export function nodeAutoProvisioning({
  serviceAccount,
  zones,
  limits,
}: NodeAutoProvisioningArgs): gcp.types.input.container.ClusterClusterAutoscaling {
  return {
    enabled: true,
    autoscalingProfile: 'OPTIMIZE_UTILIZATION',
    autoProvisioningLocations: [...zones],
    resourceLimits: [
      { resourceType: 'cpu', minimum: 0, maximum: limits.cpu },
      { resourceType: 'memory', minimum: 0, maximum: limits.memoryGb },
    ],
    autoProvisioningDefaults: {
      serviceAccount,
      oauthScopes: [cloudPlatformScope],
      diskType: 'pd-balanced',
      imageType: 'COS_CONTAINERD',
      shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true },
      management: { autoRepair: true, autoUpgrade: true },
      // One extra node at a time and none taken away: pods move before capacity shrinks.
      upgradeSettings: { strategy: 'SURGE', maxSurge: 1, maxUnavailable: 0 },
    },
  };
}
