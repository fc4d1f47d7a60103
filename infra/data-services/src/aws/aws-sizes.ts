import type { DataServiceSize } from '@slipway/platform-contract';

/** What one size class is on RDS: the instance class and its gp3 storage. */
export interface RdsSize {
  /** Graviton instance class: better price/performance than the x86 ones of the same size. */
  readonly instanceClass: string;
  /** GiB allocated at creation (gp3's minimum is 20). */
  readonly allocatedStorage: number;
  /** GiB storage autoscaling may grow to; RDS grows it when free space runs low, never shrinks it. */
  readonly maxAllocatedStorage: number;
}

/**
 * RDS for PostgreSQL per size class: a burstable instance for `small` (dev and staging), general
 * purpose Graviton instances above it.
 * @example rdsSizes.medium.instanceClass // 'db.m7g.large'
 */
export const rdsSizes = {
  small: { instanceClass: 'db.t4g.small', allocatedStorage: 20, maxAllocatedStorage: 100 },
  medium: { instanceClass: 'db.m7g.large', allocatedStorage: 50, maxAllocatedStorage: 500 },
  large: { instanceClass: 'db.m7g.xlarge', allocatedStorage: 100, maxAllocatedStorage: 1000 },
  xlarge: { instanceClass: 'db.m7g.2xlarge', allocatedStorage: 200, maxAllocatedStorage: 2000 },
} as const satisfies Record<DataServiceSize, RdsSize>;

/**
 * ElastiCache node types per size class (memory in GiB as ElastiCache gives it): a burstable node
 * for `small`, general purpose for `medium`, memory optimized above, since a cache is held in memory.
 * @example valkeyNodeTypes.small // 'cache.t4g.small'
 */
export const valkeyNodeTypes = {
  small: 'cache.t4g.small', // 1.37 GiB
  medium: 'cache.m7g.large', // 6.38 GiB
  large: 'cache.r7g.xlarge', // 26.32 GiB
  xlarge: 'cache.r7g.2xlarge', // 52.82 GiB
} as const satisfies Record<DataServiceSize, string>;
