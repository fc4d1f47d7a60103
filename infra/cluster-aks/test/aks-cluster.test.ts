import * as pulumi from '@pulumi/pulumi';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  named,
  ofType,
  type ProgramRun,
  promiseOf,
  type RecordedResource,
  runProgramWithMocks,
} from '@slipway/infra-testing';
import { resolveAksNodePool } from '../src/aks-node-pool.ts';

const project = 'slipway-cluster-aks';
const clusterType = 'azure-native:containerservice:ManagedCluster';
const fakeKubeconfig = 'apiVersion: v1\nkind: Config\nclusters: []\n';

type Program = typeof import('../src/index.ts');

function runProgram(config: Record<string, unknown>): Promise<ProgramRun<Program>> {
  return runProgramWithMocks(
    {
      project,
      config: { 'azure-native:location': 'westeurope', ...config },
      outputsOf: (resource) =>
        resource.type === clusterType
          ? {
              name: resource.inputs.resourceName,
              oidcIssuerProfile: { enabled: true, issuerURL: 'https://oidc.example/abc/' },
            }
          : undefined,
      calls: {
        'azure-native:containerservice:listManagedClusterUserCredentials': {
          kubeconfigs: [
            { name: 'clusterUser', value: Buffer.from(fakeKubeconfig).toString('base64') },
          ],
        },
      },
    },
    () => import('../src/index.ts'),
  );
}

const systemPool = (resources: RecordedResource[]) => {
  const profiles = named(resources, clusterType, 'slipway-aks').inputs.agentPoolProfiles;
  return Array.isArray(profiles) ? profiles[0] : undefined;
};

describe('AKS cluster program with settings from stack config', () => {
  let resources: RecordedResource[];
  let program: Program;

  beforeAll(async () => {
    ({ resources, program } = await runProgram({
      [`${project}:kubernetesVersion`]: '1.34',
      [`${project}:nodePool`]: { vmSize: 'Standard_D4s_v5', minCount: 6, maxCount: 18 },
      [`${project}:apiAllowedCidrs`]: ['203.0.113.0/24'],
    }));
  });

  it('creates one AKS cluster of the configured Kubernetes version', () => {
    const clusters = ofType(resources, clusterType);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]?.inputs).toMatchObject({
      resourceName: 'slipway-dev',
      kubernetesVersion: '1.34',
    });
  });

  it('creates an autoscaling node pool across three zones with min, max and VM size from stack config', () => {
    expect(systemPool(resources)).toMatchObject({
      availabilityZones: ['1', '2', '3'],
      enableAutoScaling: true,
      minCount: 6,
      maxCount: 18,
      vmSize: 'Standard_D4s_v5',
    });
  });

  it('keeps nodes private: no public IPs, in the cluster subnet', () => {
    expect(systemPool(resources)).toMatchObject({
      enableNodePublicIP: false,
      vnetSubnetID: 'slipway-nodes-id',
    });
  });

  it('enforces NetworkPolicy with Cilium and turns on Workload Identity', () => {
    expect(named(resources, clusterType, 'slipway-aks').inputs).toMatchObject({
      networkProfile: { networkDataplane: 'cilium', networkPolicy: 'cilium' },
      oidcIssuerProfile: { enabled: true },
      securityProfile: { workloadIdentity: { enabled: true } },
    });
  });

  it('limits the API server to the configured CIDRs', () => {
    expect(named(resources, clusterType, 'slipway-aks').inputs).toMatchObject({
      apiServerAccessProfile: { authorizedIPRanges: ['203.0.113.0/24'] },
    });
  });

  it('installs nothing for HPA metrics, because AKS runs metrics-server itself', () => {
    expect(ofType(resources, 'kubernetes:helm.sh/v3:Release')).toEqual([]);
  });

  it('exports the kubeconfig, decoded, as a secret output', async () => {
    expect(await pulumi.isSecret(program.kubeconfig)).toBe(true);
    expect(await promiseOf(program.kubeconfig)).toBe(fakeKubeconfig);
  });
});

describe('AKS cluster program with only the provider config', () => {
  let resources: RecordedResource[];

  beforeAll(async () => {
    ({ resources } = await runProgram({}));
  });

  it('uses Kubernetes 1.35, the Standard tier and 3 to 9 Standard_D2s_v5 nodes', () => {
    expect(named(resources, clusterType, 'slipway-aks').inputs).toMatchObject({
      kubernetesVersion: '1.35',
      sku: { tier: 'Standard' },
    });
    expect(systemPool(resources)).toMatchObject({
      minCount: 3,
      maxCount: 9,
      vmSize: 'Standard_D2s_v5',
    });
  });

  it('keeps local accounts until Entra ID admin groups are configured', () => {
    const inputs = named(resources, clusterType, 'slipway-aks').inputs;
    expect(inputs.aadProfile).toBeUndefined();
    expect(inputs.disableLocalAccounts).toBeUndefined();
  });
});

describe('AKS cluster program with Entra ID admin groups', () => {
  it('turns local accounts off and lets only those groups administer the cluster', async () => {
    const { resources } = await runProgram({
      [`${project}:adminGroupObjectIds`]: ['11111111-2222-3333-4444-555555555555'],
    });
    expect(named(resources, clusterType, 'slipway-aks').inputs).toMatchObject({
      disableLocalAccounts: true,
      aadProfile: { managed: true, adminGroupObjectIDs: ['11111111-2222-3333-4444-555555555555'] },
    });
  });
});

describe('resolveAksNodePool', () => {
  it.each([
    [{ minCount: 0 }, /nodePool\.minCount/],
    [{ minCount: 5, maxCount: 4 }, /nodePool\.maxCount/],
  ])('rejects %o naming the field', (pool, message) => {
    expect(() => resolveAksNodePool(pool)).toThrow(message);
  });
});
