import type * as pulumi from '@pulumi/pulumi';
import { rejectSetting } from '@slipway/infra-cluster-shared';
import { clusterName } from '@slipway/platform-contract';
import {
  type NodeLimits,
  type NodeSettings,
  nodeDefaults,
  nodeProvisionings,
  type SystemNodes,
} from './node-provisioning.ts';
import { defaultKubernetesVersion } from './versions.ts';

/** What the stack config says about the cluster (`Pulumi.<stack>.yaml`). */
export interface EksClusterConfig {
  /** `clusterName`; default `slipway-<stack>`. */
  readonly clusterName: string;
  /** `kubernetesVersion`; default {@link defaultKubernetesVersion}. */
  readonly kubernetesVersion: string;
  /** `availabilityZones`; when absent the program takes the region's first three. */
  readonly availabilityZones?: readonly string[];
  /** `apiAllowedCidrs`; default everyone (the API still requires IAM authentication). */
  readonly apiAllowedCidrs?: readonly string[];
  /** `adminRoleArns`: IAM roles given cluster admin through access entries; default none. */
  readonly adminRoleArns: readonly string[];
  /** `nodeProvisioning` and, for Karpenter, `nodeLimits` and `systemNodes`; defaults in {@link nodeDefaults}. */
  readonly nodes: NodeSettings;
}

const roleArn = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const memoryQuantity = /^[1-9]\d*(Mi|Gi|Ti)$/;

/**
 * Reads the cluster settings from the project's stack config, failing on a key it cannot read
 * (naming the key and the fix) rather than ignoring it.
 *
 * @example
 * const settings = readClusterConfig(new pulumi.Config(), pulumi.getStack());
 */
export function readClusterConfig(config: pulumi.Config, stack: string): EksClusterConfig {
  if (config.getObject('nodePool') !== undefined) {
    rejectSetting(
      'nodePool',
      'is no longer read: nodes come from nodeProvisioning (auto-mode or karpenter); with karpenter, size them with nodeLimits: { cpu, memory } and systemNodes: { instanceType, count }',
    );
  }
  const availabilityZones = config.getObject<string[]>('availabilityZones');
  const apiAllowedCidrs = config.getObject<string[]>('apiAllowedCidrs');
  return {
    clusterName: config.get('clusterName') ?? clusterName(stack),
    kubernetesVersion: config.get('kubernetesVersion') ?? defaultKubernetesVersion,
    adminRoleArns: readAdminRoleArns(config.getObject<unknown>('adminRoleArns')),
    nodes: readNodeSettings(config),
    ...(availabilityZones ? { availabilityZones } : {}),
    ...(apiAllowedCidrs ? { apiAllowedCidrs } : {}),
  };
}

function readNodeSettings(config: pulumi.Config): NodeSettings {
  const provisioning = config.get('nodeProvisioning') ?? nodeDefaults.provisioning;
  const limits = config.getObject<Partial<NodeLimits>>('nodeLimits');
  const systemNodes = config.getObject<Partial<SystemNodes>>('systemNodes');
  if (provisioning === 'auto-mode') {
    // Auto Mode's built-in node pools take no limits and need no system node group.
    for (const [key, value] of [
      ['nodeLimits', limits],
      ['systemNodes', systemNodes],
    ] as const) {
      if (value !== undefined) {
        rejectSetting(
          key,
          'applies only to nodeProvisioning: karpenter; remove it or switch to karpenter',
        );
      }
    }
    return { provisioning };
  }
  if (provisioning !== 'karpenter') {
    rejectSetting(
      'nodeProvisioning',
      `must be one of ${nodeProvisionings.join(', ')}, got ${provisioning}`,
    );
  }
  return {
    provisioning,
    limits: readNodeLimits({ ...nodeDefaults.limits, ...limits }),
    systemNodes: readSystemNodes({ ...nodeDefaults.systemNodes, ...systemNodes }),
  };
}

function readNodeLimits(limits: NodeLimits): NodeLimits {
  if (!Number.isInteger(limits.cpu) || limits.cpu < 1) {
    rejectSetting(
      'nodeLimits.cpu',
      `must be a whole number of vCPUs of at least 1, got ${limits.cpu}`,
    );
  }
  if (!memoryQuantity.test(limits.memory)) {
    rejectSetting('nodeLimits.memory', `must be a quantity such as 256Gi, got ${limits.memory}`);
  }
  return { cpu: limits.cpu, memory: limits.memory };
}

function readSystemNodes(nodes: SystemNodes): SystemNodes {
  if (!Number.isInteger(nodes.count) || nodes.count < 2) {
    rejectSetting('systemNodes.count', `must be a whole number of at least 2, got ${nodes.count}`);
  }
  return { instanceType: nodes.instanceType, count: nodes.count };
}

function readAdminRoleArns(value: unknown): readonly string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) rejectSetting('adminRoleArns', 'must be a list of IAM role ARNs');
  for (const arn of value) {
    if (typeof arn !== 'string' || !roleArn.test(arn)) {
      rejectSetting(
        'adminRoleArns',
        `must hold IAM role ARNs (arn:aws:iam::<account>:role/<name>), got ${arn}`,
      );
    }
  }
  if (new Set(value).size !== value.length) rejectSetting('adminRoleArns', 'lists a role twice');
  return value as string[];
}
