import { beforeAll, describe, expect, it } from 'vitest';
import { named, ofType, type RecordedResource, secretValueOf } from '@slipway/infra-testing';
import { mocked, runGkeProgram, types } from './helpers/gke-program.ts';

describe('GKE cluster program in standard mode with its defaults', () => {
  let resources: RecordedResource[];
  let cluster: Record<string, unknown>;

  beforeAll(async () => {
    ({ resources } = await runGkeProgram({ mode: 'standard' }));
    cluster = named(resources, types.cluster, 'slipway-gke').inputs;
  });

  it('enforces NetworkPolicy through Dataplane V2 on shielded nodes, replacing the default pool', () => {
    expect(cluster).toMatchObject({
      datapathProvider: 'ADVANCED_DATAPATH',
      enableShieldedNodes: true,
      removeDefaultNodePool: true,
    });
    expect(cluster.enableAutopilot).toBeUndefined();
  });

  it('provisions node pools for pending pods up to 64 vCPU and 256 GB, packed tightly, hardened like the small pool', () => {
    expect(cluster.clusterAutoscaling).toEqual({
      enabled: true,
      autoscalingProfile: 'OPTIMIZE_UTILIZATION',
      autoProvisioningLocations: mocked.zones,
      resourceLimits: [
        { resourceType: 'cpu', minimum: 0, maximum: 64 },
        { resourceType: 'memory', minimum: 0, maximum: 256 },
      ],
      autoProvisioningDefaults: {
        serviceAccount: mocked.nodeServiceAccount,
        oauthScopes: ['https://www.googleapis.com/auth/cloud-platform'],
        diskType: 'pd-balanced',
        imageType: 'COS_CONTAINERD',
        shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true },
        management: { autoRepair: true, autoUpgrade: true },
        upgradeSettings: { strategy: 'SURGE', maxSurge: 1, maxUnavailable: 0 },
      },
    });
  });

  it('keeps one small pool of 3 to 6 e2-standard-2 nodes for system pods, using Workload Identity metadata', () => {
    const pools = ofType(resources, types.nodePool);
    expect(pools).toHaveLength(1);
    expect(pools[0]?.inputs).toMatchObject({
      cluster: 'slipway-dev',
      nodeLocations: mocked.zones,
      autoscaling: { totalMinNodeCount: 3, totalMaxNodeCount: 6, locationPolicy: 'BALANCED' },
      nodeConfig: {
        machineType: 'e2-standard-2',
        serviceAccount: mocked.nodeServiceAccount,
        workloadMetadataConfig: { mode: 'GKE_METADATA' },
        shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true },
      },
    });
  });

  it('opens only the DNS-based API endpoint and keeps the nodes private, as in Autopilot', () => {
    expect(cluster).toMatchObject({
      controlPlaneEndpointsConfig: {
        dnsEndpointConfig: { allowExternalTraffic: true },
        ipEndpointsConfig: { enabled: false },
      },
      privateClusterConfig: { enablePrivateNodes: true },
      workloadIdentityConfig: { workloadPool: 'acme-prod.svc.id.goog' },
    });
  });
});

describe('GKE cluster program in standard mode with settings from stack config', () => {
  let resources: RecordedResource[];
  let program: typeof import('../src/index.ts');

  beforeAll(async () => {
    ({ resources, program } = await runGkeProgram({
      mode: 'standard',
      kubernetesVersion: '1.34',
      zones: ['europe-west1-b', 'europe-west1-c', 'europe-west1-d'],
      nodePool: { machineType: 'n2-standard-4', minNodes: 3, maxNodes: 9 },
      resourceLimits: { cpu: 128, memoryGb: 512 },
      deletionProtection: false,
    }));
  });

  it('uses the configured version, node auto-provisioning limits and protection', () => {
    expect(named(resources, types.cluster, 'slipway-gke').inputs).toMatchObject({
      minMasterVersion: '1.34',
      deletionProtection: false,
      clusterAutoscaling: {
        resourceLimits: [
          { resourceType: 'cpu', minimum: 0, maximum: 128 },
          { resourceType: 'memory', minimum: 0, maximum: 512 },
        ],
      },
    });
  });

  it('sizes the small pool from nodePool', () => {
    expect(named(resources, types.nodePool, 'slipway-nodes').inputs).toMatchObject({
      autoscaling: { totalMinNodeCount: 3, totalMaxNodeCount: 9 },
      nodeConfig: { machineType: 'n2-standard-4' },
    });
  });

  it('exports the same DNS-endpoint kubeconfig as Autopilot', async () => {
    const kubeconfig = JSON.parse(await secretValueOf(program.kubeconfig));
    expect(kubeconfig.clusters[0].cluster).toEqual({ server: `https://${mocked.dnsEndpoint}` });
  });
});
