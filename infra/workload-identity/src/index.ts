export {
  clusterOutputNames,
  type DataNetwork,
  type GatewayLoadBalancer,
  type WorkloadIdentity,
} from './cluster-outputs.ts';
export { azureBuiltInRoles, type IdentityGrant } from './identity-grant.ts';
export { type ClusterStack, readClusterStack } from './read-cluster-stack.ts';
export {
  ServiceAccountIdentity,
  type ServiceAccountIdentityArgs,
} from './service-account-identity.ts';
