import type { MockSetup } from '@slipway/infra-testing';
import type { DataNetwork, WorkloadIdentity } from './cluster-outputs.ts';

/**
 * One cluster's workload identity per cloud, as the cluster programs export it, for the tests of
 * this package and of the programs that read it.
 */
export const workloadIdentities = {
  aws: { cloud: 'aws', clusterName: 'slipway-dev', region: 'eu-west-1' },
  gcp: {
    cloud: 'gcp',
    project: 'acme-dev',
    projectNumber: '123456789012',
    workloadPool: 'acme-dev.svc.id.goog',
  },
  azure: {
    cloud: 'azure',
    oidcIssuerUrl: 'https://westeurope.oic.prod-aks.azure.com/tenant/issuer/',
    resourceGroupName: 'slipway-dev',
    location: 'westeurope',
  },
} as const satisfies { [C in WorkloadIdentity['cloud']]: Extract<WorkloadIdentity, { cloud: C }> };

/**
 * What the clouds return for the identities' resources under mocks: a role ARN, an Azure
 * identity's client and principal ids, each derived from the resource's name.
 */
export const identityOutputs: NonNullable<MockSetup['outputsOf']> = ({ type, name }) => {
  if (type === 'aws:iam/role:Role') return { arn: `arn:aws:iam::123456789012:role/${name}`, name };
  if (type === 'azure-native:managedidentity:UserAssignedIdentity')
    return { clientId: `client-${name}`, principalId: `principal-${name}`, name };
  return undefined;
};

/**
 * Each cloud's data network as its cluster program exports it, with the cluster programs' own
 * address plans (each cluster program's tests hold its output equal to its entry here), for the
 * tests and renders of the programs that read it.
 */
export const dataNetworks = {
  aws: {
    cloud: 'aws',
    region: 'eu-west-1',
    vpcId: 'vpc-0123456789abcdef0',
    subnetIds: ['subnet-data-a', 'subnet-data-b', 'subnet-data-c'],
    subnetCidrs: ['10.0.200.0/24', '10.0.201.0/24', '10.0.202.0/24'],
    clientCidrs: ['10.0.0.0/19', '10.0.32.0/19', '10.0.64.0/19'],
  },
  gcp: {
    cloud: 'gcp',
    project: 'acme-dev',
    region: 'europe-west1',
    network: 'projects/acme-dev/global/networks/slipway-dev-network',
    privateServiceRangeName: 'slipway-dev-data',
    privateServiceRange: '10.16.0.0/20',
  },
  azure: {
    cloud: 'azure',
    resourceGroupName: 'slipway-dev',
    location: 'westeurope',
    postgresSubnetId:
      '/subscriptions/0000/resourceGroups/slipway-dev/providers/Microsoft.Network/virtualNetworks/slipway-dev/subnets/postgres',
    postgresSubnetCidr: '10.0.20.0/24',
    postgresDnsZoneId:
      '/subscriptions/0000/resourceGroups/slipway-dev/providers/Microsoft.Network/privateDnsZones/privatelink.postgres.database.azure.com',
    privateEndpointSubnetId:
      '/subscriptions/0000/resourceGroups/slipway-dev/providers/Microsoft.Network/virtualNetworks/slipway-dev/subnets/private-endpoints',
    privateEndpointSubnetCidr: '10.0.21.0/24',
    cacheDnsZoneId:
      '/subscriptions/0000/resourceGroups/slipway-dev/providers/Microsoft.Network/privateDnsZones/privatelink.redis.azure.net',
  },
} as const satisfies { [C in DataNetwork['cloud']]: Extract<DataNetwork, { cloud: C }> };
