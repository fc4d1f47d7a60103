import { beforeAll, describe, expect, it } from 'vitest';
import { named, ofType, type RecordedResource, secretValueOf } from '@slipway/infra-testing';
import { clusterOutputNames } from '@slipway/infra-workload-identity';
import { mocked, runGkeProgram, types } from './helpers/gke-program.ts';

type Program = typeof import('../src/index.ts');

describe('GKE cluster program with only the provider config (Autopilot)', () => {
  let resources: RecordedResource[];
  let program: Program;
  let cluster: Record<string, unknown>;

  beforeAll(async () => {
    ({ resources, program } = await runGkeProgram());
    cluster = named(resources, types.cluster, 'slipway-gke').inputs;
  });

  it('creates one regional Autopilot cluster on the REGULAR channel in three zones that are up, protected from deletion', () => {
    expect(ofType(resources, types.cluster)).toHaveLength(1);
    expect(cluster).toMatchObject({
      name: 'slipway-dev',
      enableAutopilot: true,
      location: 'europe-west1',
      nodeLocations: mocked.zones,
      releaseChannel: { channel: 'REGULAR' },
      minMasterVersion: '1.35',
      deletionProtection: true,
    });
  });

  it('creates no node pool of its own and leaves Dataplane V2 and shielded nodes to Autopilot, which implies them', () => {
    expect(ofType(resources, types.nodePool)).toEqual([]);
    expect(cluster.removeDefaultNodePool).toBeUndefined();
    expect(cluster.datapathProvider).toBeUndefined();
    expect(cluster.enableShieldedNodes).toBeUndefined();
  });

  it('runs the nodes Autopilot provisions as the least-privilege service account, and sets no node pool limits', () => {
    expect(cluster.clusterAutoscaling).toEqual({
      autoProvisioningDefaults: {
        serviceAccount: mocked.nodeServiceAccount,
        oauthScopes: ['https://www.googleapis.com/auth/cloud-platform'],
      },
    });
    expect(ofType(resources, types.iamMember).map((m) => m.inputs.role)).toEqual([
      'roles/container.defaultNodeServiceAccount',
      'roles/artifactregistry.reader',
    ]);
  });

  it('keeps the nodes private without a peering-style control plane range', () => {
    expect(cluster.privateClusterConfig).toEqual({ enablePrivateNodes: true });
  });

  it('opens only the DNS-based API endpoint, with the IP endpoints and authorized networks off', () => {
    expect(cluster.controlPlaneEndpointsConfig).toEqual({
      dnsEndpointConfig: { allowExternalTraffic: true },
      ipEndpointsConfig: { enabled: false },
    });
    expect(cluster.masterAuthorizedNetworksConfig).toBeUndefined();
  });

  it("turns on Workload Identity Federation with the project's pool", () => {
    expect(cluster.workloadIdentityConfig).toEqual({ workloadPool: 'acme-prod.svc.id.goog' });
  });

  it('gives private nodes outbound access through Cloud NAT', () => {
    expect(ofType(resources, 'gcp:compute/routerNat:RouterNat')).toHaveLength(1);
  });

  it('installs nothing for HPA metrics, because GKE runs metrics-server itself', () => {
    expect(ofType(resources, 'kubernetes:helm.sh/v3:Release')).toEqual([]);
  });

  it('exports a secret kubeconfig for the DNS endpoint, without the IP endpoint or its CA, authenticating with the gcloud plugin', async () => {
    const kubeconfig = JSON.parse(await secretValueOf(program.kubeconfig));
    expect(kubeconfig.clusters[0].cluster).toEqual({ server: `https://${mocked.dnsEndpoint}` });
    expect(kubeconfig.users[0].user.exec.command).toBe('gke-gcloud-auth-plugin');
  });

  it('exports the project, its number and the pool that Workload Identity grants name', async () => {
    const identity = await new Promise((resolve) => program.workloadIdentity.apply(resolve));
    expect(identity).toEqual({
      cloud: 'gcp',
      project: 'acme-prod',
      projectNumber: mocked.projectNumber,
      workloadPool: 'acme-prod.svc.id.goog',
    });
  });

  it("asks for GKE's regional external passthrough load balancer for the edge proxies", () => {
    expect(program.gatewayLoadBalancer).toEqual({
      loadBalancerClass: 'networking.gke.io/l4-regional-external',
      annotations: {},
    });
  });

  it('exports every output the cluster contract names', () => {
    expect(Object.keys(program)).toEqual(expect.arrayContaining(Object.values(clusterOutputNames)));
  });
});
