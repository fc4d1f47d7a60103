import type { DataServiceSize } from '@slipway/platform-contract';

/**
 * Cloud SQL for PostgreSQL (Enterprise edition) per size class: a dedicated-core custom machine
 * (vCPUs and MiB of memory in the tier's name) and the SSD it starts with; the disk grows by
 * itself as data does.
 */
export const cloudSqlSizes = {
  small: { tier: 'db-custom-1-3840', diskSizeGb: 10 },
  medium: { tier: 'db-custom-2-7680', diskSizeGb: 20 },
  large: { tier: 'db-custom-4-15360', diskSizeGb: 50 },
  xlarge: { tier: 'db-custom-8-30720', diskSizeGb: 100 },
} as const satisfies Record<DataServiceSize, { tier: string; diskSizeGb: number }>;

/** Memorystore for Redis per size class: the instance's memory in GiB. */
export const memorystoreSizes = {
  small: { memorySizeGb: 1 },
  medium: { memorySizeGb: 4 },
  large: { memorySizeGb: 16 },
  xlarge: { memorySizeGb: 64 },
} as const satisfies Record<DataServiceSize, { memorySizeGb: number }>;
