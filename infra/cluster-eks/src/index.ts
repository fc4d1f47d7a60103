import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { EksCluster } from './eks-cluster.ts';
import { readClusterConfig } from './read-cluster-config.ts';

const settings = readClusterConfig(new pulumi.Config(), pulumi.getStack());
const region = new pulumi.Config('aws').require('region');
const availabilityZones =
  settings.availabilityZones ??
  (await aws.getAvailabilityZones({ state: 'available' })).names.slice(0, 3);

const cluster = new EksCluster('slipway', { ...settings, region, availabilityZones });

// Read by the platform and services stacks through a StackReference, by the names and types
// @slipway/infra-workload-identity owns (clusterOutputNames, WorkloadIdentity, GatewayLoadBalancer,
// DataNetwork).
export const kubeconfig = cluster.kubeconfig;
export const clusterName = cluster.clusterName;
export const workloadIdentity = cluster.workloadIdentity;
export const gatewayLoadBalancer = cluster.gatewayLoadBalancer;
export const dataNetwork = cluster.dataNetwork;
export const vpcId = cluster.vpcId;
