import type * as pulumi from '@pulumi/pulumi';
import { environmentNamespace } from '@slipway/platform-contract';
import {
  type Environment,
  type EnvironmentProfile,
  environmentProfiles,
  environments,
} from '@slipway/service-manifest';
import type { PlatformSettings } from './platform.ts';
import type { PodSecurityLevel } from './platform-labels.ts';
import { type AdmissionConfig, readAdmissionConfig } from './read-admission-config.ts';
import { type BackupsConfig, readBackupsConfig } from './read-backups-config.ts';
import { type CertManagerConfig, readCertManagerConfig } from './read-cert-manager-config.ts';
import { type GatewayConfig, readGatewayConfig } from './read-gateway-config.ts';
import { type MonitoringConfig, readMonitoringConfig } from './read-monitoring-config.ts';
import { fail } from './stack-config-error.ts';

/** Where the program finds the cluster: a cluster stack's `kubeconfig` output, or the ambient context. */
export interface ClusterConnection {
  /** `clusterStack`, e.g. `organization/slipway-cluster-eks/dev`. */
  readonly clusterStack?: string;
  /** `kubeContext`: a context of the ambient kubeconfig, when no cluster stack is set. */
  readonly kubeContext?: string;
}

/** Everything the stack config (`Pulumi.<stack>.yaml`) decides. */
export interface PlatformStackConfig extends ClusterConnection {
  readonly platform: PlatformSettings;
}

const dnsLabel = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const reservedNamespaces = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

function readNamespaces(config: pulumi.Config, stack: string): string[] {
  const namespaces = config.getObject<string[]>('namespaces') ?? [environmentNamespace(stack)];
  if (!Array.isArray(namespaces) || namespaces.length === 0) {
    fail('namespaces', 'must list at least one namespace');
  }
  namespaces.forEach((namespace, index) => {
    if (typeof namespace !== 'string' || !dnsLabel.test(namespace)) {
      fail(`namespaces[${index}]`, `'${String(namespace)}' is not a valid namespace name`);
    }
    if (reservedNamespaces.has(namespace)) {
      fail(`namespaces[${index}]`, `'${namespace}' is reserved; services never run there`);
    }
  });
  return namespaces;
}

/**
 * The environment whose profile (`environmentProfiles`) gives the defaults: `environment`, or
 * the stack's name, as the services program reads it.
 */
function readEnvironmentProfile(config: pulumi.Config, stack: string): EnvironmentProfile {
  const environment = config.get('environment') ?? stack;
  if (!(environments as readonly string[]).includes(environment)) {
    fail(
      'environment',
      `'${environment}' is not one of ${environments.join(', ')}: name the stack after one or set environment`,
    );
  }
  return environmentProfiles[environment as Environment];
}

/**
 * Reads the platform settings from the stack config. Each optional part
 * (`gateway`, `certManager`, `backups`, `monitoring`, `admission`) is on unless its `enabled` is false,
 * and fails with the field's name when it is on but incomplete, before any
 * resource is registered. The environment's profile gives the backup schedule and retention and
 * the Envoy proxies' replicas the stack leaves out.
 *
 * @example
 * const { platform, clusterStack } = readPlatformStackConfig(new pulumi.Config(), pulumi.getStack());
 */
export function readPlatformStackConfig(config: pulumi.Config, stack: string): PlatformStackConfig {
  const level = config.get('addonPodSecurityLevel', {
    allowedValues: ['restricted', 'baseline'],
  }) as PodSecurityLevel | undefined;
  const podSecurityVersion = config.get('podSecurityVersion', { pattern: /^v\d+\.\d+$/ });
  const namespaces = readNamespaces(config, stack);
  const profile = readEnvironmentProfile(config, stack);
  const gateway = readGatewayConfig(
    config.getObject<GatewayConfig>('gateway') ?? {},
    namespaces,
    profile.gatewayProxies,
  );
  const certManager = readCertManagerConfig(
    config.getObject<CertManagerConfig>('certManager') ?? {},
  );
  const backups = readBackupsConfig(
    config.getObject<BackupsConfig>('backups') ?? {},
    profile.backups,
  );
  const monitoring = readMonitoringConfig(config.getObject<MonitoringConfig>('monitoring') ?? {});
  const admission = readAdmissionConfig(config.getObject<AdmissionConfig>('admission') ?? {});
  const clusterStack = config.get('clusterStack');
  const kubeContext = config.get('kubeContext');
  return {
    ...(clusterStack ? { clusterStack } : {}),
    ...(kubeContext ? { kubeContext } : {}),
    platform: {
      namespaces,
      ...(podSecurityVersion ? { podSecurityVersion } : {}),
      ...(level ? { addonPodSecurityLevel: level } : {}),
      ...(gateway ? { gateway } : {}),
      ...(certManager ? { certManager } : {}),
      ...(backups ? { backups } : {}),
      ...(monitoring ? { monitoring } : {}),
      ...(admission ? { admission } : {}),
    },
  };
}
