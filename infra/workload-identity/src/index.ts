export {
  clusterOutputNames,
  type GatewayLoadBalancer,
  type WorkloadIdentity,
} from './cluster-outputs.ts';
export { azureBuiltInRoles, type IdentityGrant } from './identity-grant.ts';
export { readWorkloadIdentity } from './read-workload-identity.ts';
export {
  ServiceAccountIdentity,
  type ServiceAccountIdentityArgs,
} from './service-account-identity.ts';
