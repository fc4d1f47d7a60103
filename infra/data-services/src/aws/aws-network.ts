import type { DataNetwork } from '@slipway/infra-workload-identity';

/** The EKS cluster's data network: its VPC's data subnets and the subnets of its nodes and pods. */
export type AwsNetwork = Extract<DataNetwork, { cloud: 'aws' }>;
