import type { DataNetwork } from '@slipway/infra-workload-identity';

/** The AKS cluster's data network: the `azure` variant of the cluster's `dataNetwork` output. */
export type AzureNetwork = Extract<DataNetwork, { cloud: 'azure' }>;
