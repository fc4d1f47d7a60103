import type { CloudProvisioners } from '../provisioner.ts';
import type { AwsNetwork } from './aws-network.ts';
import { RdsPostgres } from './rds-postgres.ts';
import { ValkeyCache } from './valkey-cache.ts';

/**
 * PostgreSQL on AWS: RDS for PostgreSQL; the cache: ElastiCache for Valkey. Each service gets its
 * own, in the EKS cluster's data subnets (docs/adding-a-database.md).
 */
export const awsProvisioners: CloudProvisioners<AwsNetwork> = {
  postgres: (name, request, opts) => new RdsPostgres(name, request, opts).endpoint,
  cache: (name, request, opts) => new ValkeyCache(name, request, opts).endpoint,
};
