export {
  clusterOutputNames,
  type GatewayLoadBalancer,
  type WorkloadIdentity,
} from './cluster-outputs.ts';
