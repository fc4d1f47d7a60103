import { beforeAll, describe, expect, it } from 'vitest';
import { ofType, type RecordedResource } from '@slipway/infra-testing';
import { agentPools, clusterInputs, runProgram, types } from './aks-program.ts';

describe('AKS cluster program with only the required stack config (mode node-autoprovisioning)', () => {
  let resources: RecordedResource[];

  beforeAll(async () => {
    ({ resources } = await runProgram());
  });

  it('creates one AKS Standard-tier cluster on Kubernetes 1.35', () => {
    expect(ofType(resources, types.cluster)).toHaveLength(1);
    expect(clusterInputs(resources)).toMatchObject({
      resourceName: 'slipway-dev',
      kubernetesVersion: '1.35',
      sku: { name: 'Base', tier: 'Standard' },
    });
  });

  it("turns on node autoprovisioning with AKS's default Karpenter NodePools", () => {
    expect(clusterInputs(resources).nodeProvisioningProfile).toEqual({
      mode: 'Auto',
      defaultNodePools: 'Auto',
    });
  });

  it('keeps Azure CNI overlay with Cilium, which node autoprovisioning needs and which enforces NetworkPolicy', () => {
    expect(clusterInputs(resources).networkProfile).toMatchObject({
      networkPlugin: 'azure',
      networkPluginMode: 'overlay',
      networkDataplane: 'cilium',
      networkPolicy: 'cilium',
    });
  });

  it('runs one fixed-size system pool of 3 Standard_D2s_v5 nodes across three zones', () => {
    expect(agentPools(resources)).toHaveLength(1);
    expect(agentPools(resources)[0]).toMatchObject({
      name: 'system',
      mode: 'System',
      vmSize: 'Standard_D2s_v5',
      count: 3,
      enableAutoScaling: false,
      availabilityZones: ['1', '2', '3'],
    });
  });

  it('taints the system pool so only critical add-ons run there', () => {
    expect(agentPools(resources)[0]?.nodeTaints).toEqual(['CriticalAddonsOnly=true:NoSchedule']);
  });

  it('creates no user pool: node autoprovisioning provisions the app nodes', () => {
    expect(agentPools(resources).filter((pool) => pool.mode !== 'System')).toEqual([]);
    expect(ofType(resources, types.agentPool)).toEqual([]);
  });

  it('keeps nodes private: no public IPs, in the cluster subnet', () => {
    expect(agentPools(resources)[0]).toMatchObject({
      enableNodePublicIP: false,
      vnetSubnetID: 'slipway-nodes-id',
    });
  });

  it('turns on the OIDC issuer, Workload Identity and the patch and node-image upgrade channels', () => {
    expect(clusterInputs(resources)).toMatchObject({
      oidcIssuerProfile: { enabled: true },
      securityProfile: { workloadIdentity: { enabled: true } },
      autoUpgradeProfile: { upgradeChannel: 'patch', nodeOSUpgradeChannel: 'NodeImage' },
    });
  });

  it('leaves the API server reachable from any address until apiAllowedCidrs is set', () => {
    expect(clusterInputs(resources).apiServerAccessProfile).toBeUndefined();
  });

  it('installs nothing for HPA metrics, because AKS runs metrics-server itself', () => {
    expect(ofType(resources, 'kubernetes:helm.sh/v3:Release')).toEqual([]);
  });
});

describe('AKS cluster program with settings from stack config', () => {
  let resources: RecordedResource[];

  beforeAll(async () => {
    ({ resources } = await runProgram({
      kubernetesVersion: '1.34',
      skuTier: 'Free',
      zones: ['1', '2', '3', '4'],
      nodePool: { vmSize: 'Standard_D4s_v5', count: 4, osDiskSizeGB: 128 },
      apiAllowedCidrs: ['203.0.113.0/24'],
    }));
  });

  it('uses the configured Kubernetes version and tier', () => {
    expect(clusterInputs(resources)).toMatchObject({
      kubernetesVersion: '1.34',
      sku: { name: 'Base', tier: 'Free' },
    });
  });

  it('sizes the system pool from nodePool and spreads it over the configured zones', () => {
    expect(agentPools(resources)[0]).toMatchObject({
      vmSize: 'Standard_D4s_v5',
      count: 4,
      osDiskSizeGB: 128,
      availabilityZones: ['1', '2', '3', '4'],
    });
  });

  it('limits the API server to the configured CIDRs', () => {
    expect(clusterInputs(resources).apiServerAccessProfile).toEqual({
      authorizedIPRanges: ['203.0.113.0/24'],
    });
  });
});
