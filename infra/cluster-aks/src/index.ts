import * as pulumi from '@pulumi/pulumi';
import type { GatewayLoadBalancer, WorkloadIdentity } from '@slipway/infra-workload-identity';
import { AksCluster } from './aks-cluster.ts';
import type { AksDataNetwork } from './aks-data-network.ts';
import { readClusterConfig } from './read-cluster-config.ts';

const settings = readClusterConfig(
  new pulumi.Config(),
  new pulumi.Config('azure-native'),
  pulumi.getStack(),
);
const cluster = new AksCluster('slipway', settings);

// Read by the platform and services stacks through a StackReference, by the names
// `clusterOutputNames` (@slipway/infra-workload-identity) gives them.
export const kubeconfig = cluster.kubeconfig;
export const clusterName = cluster.clusterName;
export const resourceGroupName = cluster.resourceGroupName;
export const workloadIdentity: pulumi.Output<WorkloadIdentity> = cluster.workloadIdentity;
export const gatewayLoadBalancer: GatewayLoadBalancer = cluster.gatewayLoadBalancer;
export const dataNetwork: pulumi.Output<AksDataNetwork> = cluster.dataNetwork;
