import { beforeAll, describe, expect, it } from 'vitest';
import { named, type RecordedResource } from '@slipway/infra-testing';
import { agentPools, clusterInputs, runProgram, types } from './aks-program.ts';

describe('AKS cluster program with mode: automatic', () => {
  let resources: RecordedResource[];

  beforeAll(async () => {
    ({ resources } = await runProgram({ mode: 'automatic', apiAllowedCidrs: ['203.0.113.0/24'] }));
  });

  it('creates an AKS Automatic cluster, which is always on the Standard tier', () => {
    expect(clusterInputs(resources).sku).toEqual({ name: 'Automatic', tier: 'Standard' });
  });

  it('leaves to Automatic what it preconfigures: node provisioning, upgrade channels, network plugin', () => {
    const inputs = clusterInputs(resources);
    expect(inputs.nodeProvisioningProfile).toBeUndefined();
    expect(inputs.autoUpgradeProfile).toBeUndefined();
    expect(inputs.networkProfile).not.toHaveProperty('networkPlugin');
    expect(inputs.networkProfile).not.toHaveProperty('networkDataplane');
  });

  it('only places the system pool in the node subnet; Automatic sizes, taints and spreads it', () => {
    expect(agentPools(resources)).toEqual([
      { name: 'system', mode: 'System', count: 3, vnetSubnetID: 'slipway-nodes-id' },
    ]);
  });

  it('integrates the API server into a /28 subnet delegated to AKS, still behind the allowed CIDRs', () => {
    expect(named(resources, types.subnet, 'slipway-apiserver').inputs).toMatchObject({
      addressPrefix: '10.0.16.0/28',
      delegations: [{ serviceName: 'Microsoft.ContainerService/managedClusters' }],
    });
    expect(clusterInputs(resources).apiServerAccessProfile).toEqual({
      enableVnetIntegration: true,
      subnetId: 'slipway-apiserver-id',
      authorizedIPRanges: ['203.0.113.0/24'],
    });
  });

  it('keeps what Slipway relies on: Entra ID only, OIDC issuer, Workload Identity, NAT gateway egress', () => {
    expect(clusterInputs(resources)).toMatchObject({
      aadProfile: { managed: true, enableAzureRBAC: true },
      disableLocalAccounts: true,
      oidcIssuerProfile: { enabled: true },
      securityProfile: { workloadIdentity: { enabled: true } },
      networkProfile: { outboundType: 'userAssignedNATGateway' },
    });
  });
});

describe('AKS cluster program with mode: node-autoprovisioning', () => {
  it('has no API server subnet: the API server stays on its public endpoint', async () => {
    const { resources } = await runProgram({ mode: 'node-autoprovisioning' });
    expect(resources.filter((r) => r.name === 'slipway-apiserver')).toEqual([]);
    expect(clusterInputs(resources).sku).toEqual({ name: 'Base', tier: 'Standard' });
  });
});
