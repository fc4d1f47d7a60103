import { named, programRunner, type RecordedResource } from '@slipway/infra-testing';

// Runs src/index.ts under Pulumi mocks with the provider config and one admin group, the least a
// stack needs; each test adds its own stack config on top.

export const types = {
  cluster: 'azure-native:containerservice:ManagedCluster',
  agentPool: 'azure-native:containerservice:AgentPool',
  roleAssignment: 'azure-native:authorization:RoleAssignment',
  identity: 'azure-native:managedidentity:UserAssignedIdentity',
  natGateway: 'azure-native:network:NatGateway',
  publicIp: 'azure-native:network:PublicIPAddress',
  subnet: 'azure-native:network:Subnet',
  privateZone: 'azure-native:privatedns:PrivateZone',
  zoneLink: 'azure-native:privatedns:VirtualNetworkLink',
  resourceGroup: 'azure-native:resources:ResourceGroup',
} as const;

export const adminGroup = '11111111-2222-3333-4444-555555555555';
export const subscriptionId = '99999999-8888-7777-6666-555555555555';
export const issuerUrl = 'https://westeurope.oic.prod-aks.azure.com/tenant/cluster/';
/** The name Azure gives the auto-named resource group. */
export const resourceGroupName = 'slipway-rg1a2b3c';
export const fakeKubeconfig =
  'apiVersion: v1\nkind: Config\nusers: [{ name: u, user: { exec: { command: kubelogin } } }]\n';

export const runProgram = programRunner(
  {
    project: 'slipway-cluster-aks',
    config: { 'azure-native:location': 'westeurope', adminGroupObjectIds: [adminGroup] },
    outputsOf: (resource) => {
      if (resource.type === types.cluster) {
        return {
          name: resource.inputs.resourceName,
          oidcIssuerProfile: { enabled: true, issuerURL: issuerUrl },
        };
      }
      if (resource.type === types.resourceGroup) {
        return { name: resourceGroupName };
      }
      return resource.type === types.identity
        ? { principalId: 'control-plane-principal' }
        : undefined;
    },
    calls: {
      'azure-native:authorization:getClientConfig': { subscriptionId, tenantId: 'tenant' },
      'azure-native:containerservice:listManagedClusterUserCredentials': {
        kubeconfigs: [
          { name: 'clusterUser', value: Buffer.from(fakeKubeconfig).toString('base64') },
        ],
      },
    },
  },
  () => import('../src/index.ts'),
);

/** The inputs of the one AKS cluster. */
export function clusterInputs(resources: readonly RecordedResource[]): Record<string, unknown> {
  return named(resources, types.cluster, 'slipway-aks').inputs;
}

/** The cluster's agent pool profiles (the system pool, the only one). */
export function agentPools(resources: readonly RecordedResource[]): Record<string, unknown>[] {
  const profiles = clusterInputs(resources).agentPoolProfiles;
  return Array.isArray(profiles) ? profiles : [];
}
