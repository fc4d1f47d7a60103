import type { DataNetwork } from '@slipway/infra-workload-identity';

/** The cluster's data network on Google Cloud: private services access in the cluster's VPC. */
export type GcpNetwork = Extract<DataNetwork, { cloud: 'gcp' }>;
