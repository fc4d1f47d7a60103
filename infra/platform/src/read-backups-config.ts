import type { EnvironmentProfile } from '@slipway/service-manifest';
import type { BackupProvider } from './backup-provider.ts';
import type { PlatformArgs } from './platform.ts';
import { fail } from './stack-config-error.ts';
import { veleroPluginImages } from './versions.ts';

/** The `backups` section of the stack config. */
export interface BackupsConfig {
  readonly enabled?: boolean;
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

/**
 * The backups part of the platform, or undefined when `enabled: false`. `schedule` and `ttl`
 * default to the environment profile's (dev daily, staging and prod hourly).
 *
 * @example
 * readBackupsConfig({ provider: 'aws', bucket: 'acme-velero', region: 'eu-west-1' }, environmentProfiles.dev.backups);
 */
export function readBackupsConfig(
  section: BackupsConfig,
  defaults: EnvironmentProfile['backups'],
): PlatformArgs['backups'] {
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
    schedule: section.schedule || defaults.schedule,
    ttl: section.ttl || defaults.ttl,
    ...(section.snapshotVolumes === undefined ? {} : { snapshotVolumes: section.snapshotVolumes }),
    ...(section.includedNamespaces ? { includedNamespaces: section.includedNamespaces } : {}),
    ...(section.serviceAccountAnnotations
      ? { serviceAccountAnnotations: section.serviceAccountAnnotations }
      : {}),
    ...(section.podLabels ? { podLabels: section.podLabels } : {}),
  };
}
