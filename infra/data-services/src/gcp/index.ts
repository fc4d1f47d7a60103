import type { CloudProvisioners } from '../provisioner.ts';
import { CloudSqlPostgres } from './cloud-sql-postgres.ts';
import type { GcpNetwork } from './gcp-network.ts';
import { MemorystoreCache } from './memorystore-cache.ts';

/**
 * PostgreSQL and cache on Google Cloud: Cloud SQL for PostgreSQL and Memorystore for Redis, each
 * service its own instance, on the cluster's private services access range.
 */
export const gcpProvisioners: CloudProvisioners<GcpNetwork> = {
  postgres: (name, request, opts) => new CloudSqlPostgres(name, request, opts).endpoint,
  cache: (name, request, opts) => new MemorystoreCache(name, request, opts).endpoint,
};
