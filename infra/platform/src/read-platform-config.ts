import type * as pulumi from '@pulumi/pulumi';
import { letsEncryptProduction, letsEncryptStaging } from './cert-manager.js';
import type { PlatformArgs } from './platform.js';
import type { PodSecurityLevel } from './platform-labels.js';
import type { BackupProvider } from './velero-values.js';
import { veleroPluginImages } from './versions.js';

/** Where the program finds the cluster: a cluster stack's `kubeconfig` output, or the ambient context. */
export interface ClusterConnection {
  /** `clusterStack`, e.g. `organization/slipway-cluster-eks/dev`. */
  readonly clusterStack?: string;
  /** `kubeContext`: a context of the ambient kubeconfig, when no cluster stack is set. */
  readonly kubeContext?: string;
}

/** Everything the stack config (`Pulumi.<stack>.yaml`) decides. */
export interface PlatformConfig extends ClusterConnection {
  readonly platform: PlatformArgs;
}

interface Toggle {
  readonly enabled?: boolean;
}
interface IngressConfig extends Toggle {
  readonly namespace?: string;
  readonly className?: string;
  readonly serviceAnnotations?: Record<string, string>;
}
interface CertManagerConfig extends Toggle {
  readonly email?: string;
  readonly staging?: boolean;
  readonly acmeServer?: string;
  readonly issuerName?: string;
}
interface BackupsConfig extends Toggle {
  readonly provider?: string;
  readonly bucket?: string;
  readonly region?: string;
  readonly config?: Record<string, string>;
  readonly schedule?: string;
  readonly ttl?: string;
  readonly snapshotVolumes?: boolean;
  readonly includedNamespaces?: string[];
  readonly serviceAccountAnnotations?: Record<string, string>;
  readonly podLabels?: Record<string, string>;
}

const dnsLabel = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const reservedNamespaces = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

function fail(field: string, problem: string): never {
  throw new Error(`stack config ${field} ${problem}`);
}

function readNamespaces(config: pulumi.Config, stack: string): string[] {
  const namespaces = config.getObject<string[]>('namespaces') ?? [`slipway-${stack}`];
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

function readCertManager(section: CertManagerConfig): PlatformArgs['certManager'] {
  if (section.enabled === false) return undefined;
  if (!section.email?.includes('@')) {
    fail('certManager.email', "is required for Let's Encrypt (or set certManager.enabled: false)");
  }
  return {
    email: section.email,
    acmeServer:
      section.acmeServer ?? (section.staging ? letsEncryptStaging : letsEncryptProduction),
    ...(section.issuerName ? { issuerName: section.issuerName } : {}),
  };
}

function readBackups(section: BackupsConfig): PlatformArgs['backups'] {
  if (section.enabled === false) return undefined;
  const providers = Object.keys(veleroPluginImages);
  if (!section.provider || !providers.includes(section.provider)) {
    fail(
      'backups.provider',
      `must be one of ${providers.join(', ')} (or set backups.enabled: false), got ${String(section.provider)}`,
    );
  }
  if (!section.bucket) {
    fail('backups.bucket', 'is required when backups are enabled (or set backups.enabled: false)');
  }
  if (section.provider === 'aws' && !section.region) {
    fail('backups.region', 'is required for the aws provider');
  }
  return {
    provider: section.provider as BackupProvider,
    bucket: section.bucket,
    locationConfig: { ...(section.region ? { region: section.region } : {}), ...section.config },
    ...(section.schedule ? { schedule: section.schedule } : {}),
    ...(section.ttl ? { ttl: section.ttl } : {}),
    ...(section.snapshotVolumes === undefined ? {} : { snapshotVolumes: section.snapshotVolumes }),
    ...(section.includedNamespaces ? { includedNamespaces: section.includedNamespaces } : {}),
    ...(section.serviceAccountAnnotations
      ? { serviceAccountAnnotations: section.serviceAccountAnnotations }
      : {}),
    ...(section.podLabels ? { podLabels: section.podLabels } : {}),
  };
}

/**
 * Reads the platform settings from the stack config. Each optional part is
 * on unless its `enabled` is false, and fails with the field's name when it
 * is on but incomplete, before any resource is registered.
 *
 * @example
 * const { platform, clusterStack } = readPlatformConfig(new pulumi.Config(), pulumi.getStack());
 */
export function readPlatformConfig(config: pulumi.Config, stack: string): PlatformConfig {
  const ingress = config.getObject<IngressConfig>('ingress') ?? {};
  const level = config.get('addonPodSecurityLevel', {
    allowedValues: ['restricted', 'baseline'],
  }) as PodSecurityLevel | undefined;
  const podSecurityVersion = config.get('podSecurityVersion', { pattern: /^v\d+\.\d+$/ });
  const certManager = readCertManager(config.getObject<CertManagerConfig>('certManager') ?? {});
  const backups = readBackups(config.getObject<BackupsConfig>('backups') ?? {});
  const clusterStack = config.get('clusterStack');
  const kubeContext = config.get('kubeContext');
  return {
    ...(clusterStack ? { clusterStack } : {}),
    ...(kubeContext ? { kubeContext } : {}),
    platform: {
      namespaces: readNamespaces(config, stack),
      ...(podSecurityVersion ? { podSecurityVersion } : {}),
      ...(level ? { addonPodSecurityLevel: level } : {}),
      ...(ingress.enabled === false
        ? {}
        : {
            ingress: {
              ...(ingress.namespace ? { namespace: ingress.namespace } : {}),
              ...(ingress.className ? { className: ingress.className } : {}),
              ...(ingress.serviceAnnotations
                ? { serviceAnnotations: ingress.serviceAnnotations }
                : {}),
            },
          }),
      ...(certManager ? { certManager } : {}),
      ...(backups ? { backups } : {}),
    },
  };
}
