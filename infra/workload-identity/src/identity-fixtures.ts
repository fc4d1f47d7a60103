import type { MockSetup } from '@slipway/infra-testing';
import type { WorkloadIdentity } from './cluster-outputs.ts';

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
