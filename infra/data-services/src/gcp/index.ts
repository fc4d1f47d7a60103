import type { DataNetwork } from '@slipway/infra-workload-identity';
import type { CloudProvisioners } from '../provisioner.ts';

type GcpNetwork = Extract<DataNetwork, { cloud: 'gcp' }>;

const missing = (): never => {
  throw new Error('TODO(helper): provision on gcp');
};

/** PostgreSQL and cache on gcp. */
export const gcpProvisioners: CloudProvisioners<GcpNetwork> = { postgres: missing, cache: missing };
