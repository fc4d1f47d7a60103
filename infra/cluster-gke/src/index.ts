import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';
import type { GatewayLoadBalancer } from '@slipway/infra-workload-identity';
import { GkeCluster } from './gke-cluster.ts';
import { gkeGatewayLoadBalancer } from './gke-gateway-load-balancer.ts';
import { readClusterConfig } from './read-cluster-config.ts';

const settings = readClusterConfig(
  new pulumi.Config(),
  new pulumi.Config('gcp'),
  pulumi.getStack(),
);
// Zone letters differ per region (europe-west1 has no -a), so ask rather than guess.
const zones =
  settings.zones ??
  (await gcp.compute.getZones({ region: settings.region, status: 'UP' })).names.sort().slice(0, 3);

const cluster = new GkeCluster('slipway', { ...settings, zones });

// Read by the platform and services stacks through a StackReference, by the names
// `clusterOutputNames` of @slipway/infra-workload-identity gives them.
export const kubeconfig = cluster.kubeconfig;
export const clusterName = cluster.clusterName;
export const workloadIdentity = cluster.workloadIdentity;
export const dataNetwork = cluster.dataNetwork;
export const gatewayLoadBalancer: GatewayLoadBalancer = gkeGatewayLoadBalancer;
