import type { CloudProvisioners } from '../provisioner.ts';
import { AzureManagedRedis } from './azure-managed-redis.ts';
import type { AzureNetwork } from './azure-network.ts';
import { AzurePostgres } from './azure-postgres.ts';

/**
 * PostgreSQL and cache on Azure: a PostgreSQL flexible server and an Azure Managed Redis
 * instance per service, in the AKS cluster's data network.
 */
export const azureProvisioners: CloudProvisioners<AzureNetwork> = {
  postgres: (name, request, opts) => new AzurePostgres(name, request, opts).endpoint,
  cache: (name, request, opts) => new AzureManagedRedis(name, request, opts).endpoint,
};
