import type { DataServiceSize } from '@slipway/platform-contract';

/** A PostgreSQL flexible server compute size, its tier and the storage it starts with. */
export interface AzurePostgresSize {
  readonly sku: string;
  /** Burstable (shared CPU credits, no high availability) or GeneralPurpose. */
  readonly tier: 'Burstable' | 'GeneralPurpose';
  /** Where storage starts; autogrow raises it when the server nears full. */
  readonly storageSizeGB: number;
}

/**
 * What each size class of the manifest is on Azure Database for PostgreSQL flexible server: the
 * cheapest Burstable server for `small` (dev and staging), then General Purpose Ddsv5 servers
 * (local SSD for the temp files of sorts and joins) that zone-redundant HA can back.
 */
export const azurePostgresSizes = {
  small: { sku: 'Standard_B1ms', tier: 'Burstable', storageSizeGB: 32 },
  medium: { sku: 'Standard_D2ds_v5', tier: 'GeneralPurpose', storageSizeGB: 64 },
  large: { sku: 'Standard_D4ds_v5', tier: 'GeneralPurpose', storageSizeGB: 128 },
  xlarge: { sku: 'Standard_D8ds_v5', tier: 'GeneralPurpose', storageSizeGB: 256 },
} as const satisfies Record<DataServiceSize, AzurePostgresSize>;

/**
 * What each size class is on Azure Managed Redis: Balanced SKUs (memory and vCPUs in step),
 * from 1 GB to 24 GB of memory.
 */
export const azureRedisSizes = {
  small: 'Balanced_B1',
  medium: 'Balanced_B3',
  large: 'Balanced_B10',
  xlarge: 'Balanced_B20',
} as const satisfies Record<DataServiceSize, string>;
