import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ofType, type RecordedResource } from '@slipway/infra-testing';
import { adminGroup, clusterInputs, runProgram, subscriptionId, types } from './aks-program.ts';

// Records what the program asks AKS for when it reads the kubeconfig.
const credentialRequests = vi.hoisted((): Record<string, unknown>[] => []);
vi.mock('@pulumi/azure-native/containerservice/index.js', async (importOriginal) => {
  const actual =
    await importOriginal<typeof import('@pulumi/azure-native/containerservice/index.js')>();
  return {
    ...actual,
    listManagedClusterUserCredentialsOutput: (
      ...args: Parameters<typeof actual.listManagedClusterUserCredentialsOutput>
    ) => {
      credentialRequests.push(args[0] as unknown as Record<string, unknown>);
      return actual.listManagedClusterUserCredentialsOutput(...args);
    },
  };
});

const clusterAdminRole = `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b`;
const secondGroup = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

const adminGrants = (resources: readonly RecordedResource[]) =>
  ofType(resources, types.roleAssignment).filter((grant) => grant.inputs.principalType === 'Group');

describe('sign-in to the AKS cluster', () => {
  let resources: RecordedResource[];

  beforeAll(async () => {
    credentialRequests.length = 0;
    ({ resources } = await runProgram({ adminGroupObjectIds: [adminGroup, secondGroup] }));
  });

  it('accepts Entra ID sign-in only, authorized by Azure RBAC', () => {
    expect(clusterInputs(resources)).toMatchObject({
      enableRBAC: true,
      aadProfile: { managed: true, enableAzureRBAC: true },
      disableLocalAccounts: true,
    });
  });

  it('names no Kubernetes-RBAC admin groups in the AAD profile: Azure RBAC grants do that', () => {
    expect(clusterInputs(resources).aadProfile).not.toHaveProperty('adminGroupObjectIDs');
  });

  it('makes each admin group an Azure Kubernetes Service RBAC Cluster Admin of the cluster', () => {
    expect(adminGrants(resources).map((grant) => grant.inputs)).toEqual([
      {
        scope: 'slipway-aks-id',
        roleDefinitionId: clusterAdminRole,
        principalId: adminGroup,
        principalType: 'Group',
      },
      {
        scope: 'slipway-aks-id',
        roleDefinitionId: clusterAdminRole,
        principalId: secondGroup,
        principalType: 'Group',
      },
    ]);
  });

  it('asks AKS for the exec (kubelogin) kubeconfig', () => {
    expect(credentialRequests).toEqual([expect.objectContaining({ format: 'exec' })]);
  });
});
