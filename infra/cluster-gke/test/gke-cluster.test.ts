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
import { resolveGkeNodePool } from '../src/gke-node-pool.ts';

const project = 'slipway-cluster-gke';

type Program = typeof import('../src/index.ts');

function runProgram(config: Record<string, unknown>): Promise<ProgramRun<Program>> {
  return runProgramWithMocks(
    {
      project,
      config: { 'gcp:project': 'acme-prod', 'gcp:region': 'europe-west1', ...config },
      outputsOf: (resource) => {
        if (resource.type === 'gcp:container/cluster:Cluster') {
          return { endpoint: '203.0.113.10', masterAuth: { clusterCaCertificate: 'Q0EtREFUQQ==' } };
        }
        if (resource.type === 'gcp:serviceaccount/account:Account') {
          return {
            email: `${String(resource.inputs.accountId)}@acme-prod.iam.gserviceaccount.com`,
          };
        }
        return undefined;
      },
      calls: {
        'gcp:compute/getZones:getZones': {
          names: ['europe-west1-d', 'europe-west1-b', 'europe-west1-c'],
        },
      },
    },
    () => import('../src/index.ts'),
  );
}

describe('GKE cluster program with settings from stack config', () => {
  let resources: RecordedResource[];
  let program: Program;

  beforeAll(async () => {
    ({ resources, program } = await runProgram({
      [`${project}:kubernetesVersion`]: '1.34',
      [`${project}:zones`]: ['europe-west1-b', 'europe-west1-c', 'europe-west1-d'],
      [`${project}:nodePool`]: { machineType: 'n2-standard-4', minNodes: 6, maxNodes: 15 },
      [`${project}:apiAllowedCidrs`]: ['203.0.113.0/24'],
    }));
  });

  it('creates one regional cluster of the configured version with private nodes in the configured zones', () => {
    const clusters = ofType(resources, 'gcp:container/cluster:Cluster');
    expect(clusters).toHaveLength(1);
    expect(clusters[0]?.inputs).toMatchObject({
      name: 'slipway-dev',
      location: 'europe-west1',
      nodeLocations: ['europe-west1-b', 'europe-west1-c', 'europe-west1-d'],
      minMasterVersion: '1.34',
      privateClusterConfig: { enablePrivateNodes: true },
      removeDefaultNodePool: true,
    });
  });

  it('creates an autoscaling node pool with min, max and machine type from stack config', () => {
    const pools = ofType(resources, 'gcp:container/nodePool:NodePool');
    expect(pools).toHaveLength(1);
    expect(pools[0]?.inputs).toMatchObject({
      cluster: 'slipway-dev',
      nodeLocations: ['europe-west1-b', 'europe-west1-c', 'europe-west1-d'],
      autoscaling: { totalMinNodeCount: 6, totalMaxNodeCount: 15, locationPolicy: 'BALANCED' },
      nodeConfig: {
        machineType: 'n2-standard-4',
        workloadMetadataConfig: { mode: 'GKE_METADATA' },
      },
    });
  });

  it('enforces NetworkPolicy through Dataplane V2 and turns on Workload Identity', () => {
    expect(named(resources, 'gcp:container/cluster:Cluster', 'slipway-gke').inputs).toMatchObject({
      datapathProvider: 'ADVANCED_DATAPATH',
      workloadIdentityConfig: { workloadPool: 'acme-prod.svc.id.goog' },
    });
  });

  it('limits the API endpoint to the configured CIDRs', () => {
    expect(named(resources, 'gcp:container/cluster:Cluster', 'slipway-gke').inputs).toMatchObject({
      masterAuthorizedNetworksConfig: { cidrBlocks: [{ cidrBlock: '203.0.113.0/24' }] },
    });
  });

  it('runs nodes as a dedicated service account, not the default compute one', () => {
    const pool = named(resources, 'gcp:container/nodePool:NodePool', 'slipway-nodes');
    expect(pool.inputs).toMatchObject({
      nodeConfig: { serviceAccount: 'slipway-dev-nodes@acme-prod.iam.gserviceaccount.com' },
    });
  });

  it('gives private nodes outbound access through Cloud NAT', () => {
    expect(ofType(resources, 'gcp:compute/routerNat:RouterNat')).toHaveLength(1);
  });

  it('installs nothing for HPA metrics, because GKE runs metrics-server itself', () => {
    expect(ofType(resources, 'kubernetes:helm.sh/v3:Release')).toEqual([]);
  });

  it('exports the kubeconfig as a secret output that authenticates with the gcloud plugin', async () => {
    expect(await pulumi.isSecret(program.kubeconfig)).toBe(true);
    const kubeconfig = JSON.parse(await promiseOf(program.kubeconfig));
    expect(kubeconfig.clusters[0].cluster.server).toBe('https://203.0.113.10');
    expect(kubeconfig.users[0].user.exec.command).toBe('gke-gcloud-auth-plugin');
  });
});

describe('GKE cluster program with only the provider config', () => {
  let resources: RecordedResource[];

  beforeAll(async () => {
    ({ resources } = await runProgram({}));
  });

  it('uses Kubernetes 1.35 and 3 to 9 e2-standard-2 nodes, protected from deletion', () => {
    expect(named(resources, 'gcp:container/cluster:Cluster', 'slipway-gke').inputs).toMatchObject({
      minMasterVersion: '1.35',
      deletionProtection: true,
    });
    expect(
      named(resources, 'gcp:container/nodePool:NodePool', 'slipway-nodes').inputs,
    ).toMatchObject({
      autoscaling: { totalMinNodeCount: 3, totalMaxNodeCount: 9 },
      nodeConfig: { machineType: 'e2-standard-2' },
    });
  });

  it("spreads over three of the region's zones that are up", () => {
    expect(
      named(resources, 'gcp:container/cluster:Cluster', 'slipway-gke').inputs.nodeLocations,
    ).toEqual(['europe-west1-b', 'europe-west1-c', 'europe-west1-d']);
  });

  it('leaves the API endpoint open to any address, relying on Google authentication', () => {
    expect(
      named(resources, 'gcp:container/cluster:Cluster', 'slipway-gke').inputs
        .masterAuthorizedNetworksConfig,
    ).toBeUndefined();
  });
});

describe('resolveGkeNodePool', () => {
  it.each([
    [{ minNodes: 0 }, /nodePool\.minNodes/],
    [{ minNodes: 5, maxNodes: 4 }, /nodePool\.maxNodes/],
  ])('rejects %o naming the field', (pool, message) => {
    expect(() => resolveGkeNodePool(pool)).toThrow(message);
  });
});
