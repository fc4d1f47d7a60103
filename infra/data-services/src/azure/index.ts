import type { DataNetwork } from '@slipway/infra-workload-identity';
import type { CloudProvisioners } from '../provisioner.ts';

type AzureNetwork = Extract<DataNetwork, { cloud: 'azure' }>;

const missing = (): never => {
  throw new Error('TODO(helper): provision on azure');
};

/** PostgreSQL and cache on azure. */
export const azureProvisioners: CloudProvisioners<AzureNetwork> = {
  postgres: missing,
  cache: missing,
};
