import type { DataNetwork } from '@slipway/infra-workload-identity';
import type { CloudProvisioners } from '../provisioner.ts';

type AwsNetwork = Extract<DataNetwork, { cloud: 'aws' }>;

const missing = (): never => {
  throw new Error('TODO(helper): provision on aws');
};

/** PostgreSQL and cache on aws. */
export const awsProvisioners: CloudProvisioners<AwsNetwork> = { postgres: missing, cache: missing };
