import type * as gcp from '@pulumi/gcp';
import type { ResolvedPostgres } from '@slipway/service-manifest';
import type { GcpNetwork } from './gcp-network.ts';
import { cloudSqlSizes } from './gcp-sizes.ts';

/**
 * How many days of write-ahead log Cloud SQL's Enterprise edition keeps for point-in-time
 * recovery, at most; daily backups are kept as long as the manifest asks.
 */
const maxTransactionLogDays = 7;

/**
 * The settings of a service's Cloud SQL for PostgreSQL instance: private IP only, from the
 * cluster's private services access range; TLS required, the server certificate signed by
 * Google's shared CA so that it names the instance's DNS name (the name `verify-full` checks);
 * daily backups with point-in-time recovery; a standby in a second zone when highly available;
 * deletion refused by Cloud SQL itself when protected. Data at rest is encrypted by Google with
 * Google-managed keys (no setting; `encryptionKeyName` would bring a customer-managed key).
 * @example cloudSqlSettings(network, resolveDataServices(manifest, 'prod').postgres)
 */
export function cloudSqlSettings(
  network: GcpNetwork,
  settings: ResolvedPostgres,
): gcp.types.input.sql.DatabaseInstanceSettings {
  const { tier, diskSizeGb } = cloudSqlSizes[settings.size];
  return {
    // Enterprise Plus (the API's default for PostgreSQL 16 and later) takes only the larger
    // performance-optimized machines; the custom tiers of the size table need Enterprise.
    edition: 'ENTERPRISE',
    tier,
    availabilityType: settings.highAvailability ? 'REGIONAL' : 'ZONAL',
    diskType: 'PD_SSD',
    diskSize: diskSizeGb,
    diskAutoresize: true,
    ipConfiguration: {
      ipv4Enabled: false,
      privateNetwork: network.network,
      allocatedIpRange: network.privateServiceRangeName,
      sslMode: 'ENCRYPTED_ONLY',
      serverCaMode: 'GOOGLE_MANAGED_CAS_CA',
    },
    backupConfiguration: {
      enabled: true,
      pointInTimeRecoveryEnabled: true,
      startTime: '02:00',
      transactionLogRetentionDays: Math.min(settings.backupRetentionDays, maxTransactionLogDays),
      backupRetentionSettings: {
        retainedBackups: settings.backupRetentionDays,
        retentionUnit: 'COUNT',
      },
    },
    // Sunday 03:00 UTC, on the track that gets updates two weeks after notice.
    maintenanceWindow: { day: 7, hour: 3, updateTrack: 'stable' },
    deletionProtectionEnabled: settings.deletionProtection,
    // A protected instance deleted all the same (by hand) keeps its backups.
    retainBackupsOnDelete: settings.deletionProtection,
  };
}
