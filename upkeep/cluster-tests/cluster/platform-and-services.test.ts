import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayApiVersion } from '@slipway/infra-platform/versions';
import { loadServiceManifests } from '@slipway/service-manifest';
import { zoneLabel } from '../src/control-plane/fake-nodes.ts';
import { waitUntil } from '../src/control-plane/wait-until.ts';
import { gatewayApiCrdFiles, installCrds } from '../src/kube/gateway-api-crds.ts';
import type { KubeObject } from '../src/kube/kube-client.ts';
import {
  type Deployment,
  objectPath,
  type Pod,
  pulumiOwned,
  type ReplicaRecorder,
  readyPods,
  recordReplicas,
  replicaSets,
  waitForRollout,
} from '../src/kube/workloads.ts';
import { changedNothing } from './support/change-summary.ts';
import { repoRoot, useCluster } from './support/cluster-suite.ts';
import { dataServiceWiringProblems } from './support/data-service-wiring.ts';
import {
  describeRef,
  labelledObjects,
  leftBehind,
  objectsLeft,
  programSelectors,
  settled,
} from './support/leftovers.ts';
import {
  evict,
  objectsOfService,
  setUnschedulable,
  unrestrictedPod,
} from './support/platform-checks.ts';
import { environmentStacks, imageFor } from './support/stack-config.ts';

const namespace = 'slipway-dev';
const stackName = 'dev';
const { info, kube, stack } = useCluster();
const manifests = loadServiceManifests(repoRoot);
const local = info.source === 'local';
const { deployPlatform, deployServices } = environmentStacks(stack, repoRoot, namespace, stackName);
const deployment = async (name: string) =>
  (await kube.get<Deployment>(objectPath('apps/v1', namespace, 'deployments', name))) as Deployment;

describe('the platform and services programs, deployed by the Pulumi engine', () => {
  let destroyed = { services: false, platform: false };
  let firstDeploy: ReplicaRecorder | undefined;
  beforeAll(async () => {
    await installCrds(kube, gatewayApiCrdFiles(gatewayApiVersion));
  });
  afterAll(async () => {
    // A failed test leaves the stacks up; a cluster the user gave is cleaned all the same.
    firstDeploy?.stop();
    if (!destroyed.services) await deployServices('destroy').catch(() => undefined);
    if (!destroyed.platform) await deployPlatform('destroy').catch(() => undefined);
    kube.close();
  });

  it('deploys the platform without Envoy Gateway, cert-manager and Velero (their Helm charts are not reachable offline): a restricted namespace, default-deny, the Gateway and its redirect; a second up and a refreshed preview change nothing', async () => {
    const result = await deployPlatform('up');
    expect(result.changes.create).toBeGreaterThan(0);
    const ns = await kube.get<KubeObject>(`/api/v1/namespaces/${namespace}`);
    const labels = ns?.metadata.labels ?? {};
    for (const mode of ['enforce', 'audit', 'warn']) {
      expect(labels[`pod-security.kubernetes.io/${mode}`]).toBe('restricted');
      expect(labels[`pod-security.kubernetes.io/${mode}-version`]).toMatch(/^v1\.\d+$/);
    }
    const policies = await kube.list<KubeObject>(
      objectPath('networking.k8s.io/v1', namespace, 'networkpolicies'),
    );
    expect(policies.map((p) => p.metadata.name)).toContain('default-deny-all');
    const gatewayApi = (kind: string) =>
      kube.list<KubeObject>(objectPath('gateway.networking.k8s.io/v1', namespace, kind));
    const gateways = await gatewayApi('gateways');
    expect(gateways).toHaveLength(1);
    const routes = await gatewayApi('httproutes');
    expect(routes.map((r) => r.metadata.name)).toContain(
      `${gateways[0]?.metadata.name}-https-redirect`,
    );
    const again = await deployPlatform('up');
    expect(changedNothing(again), JSON.stringify(again.changes)).toBe(true);
    await deployPlatform('refreshed preview');
  });

  it('deploys every service: each object exists, its pod template passing restricted by the API server itself', async () => {
    firstDeploy = await recordReplicas(kube, namespace);
    await deployServices('up');
    for (const manifest of manifests) {
      const objects = await objectsOfService(kube, namespace, manifest.name);
      const expected = [
        `configmaps/${manifest.name}`,
        `deployments/${manifest.name}`,
        `horizontalpodautoscalers/${manifest.name}`,
        `networkpolicies/${manifest.name}-egress`,
        `networkpolicies/${manifest.name}-ingress`,
        `poddisruptionbudgets/${manifest.name}`,
        `serviceaccounts/${manifest.name}`,
        `services/${manifest.name}`,
        ...(manifest.public ? [`httproutes/${manifest.name}`] : []),
        ...(manifest.secrets.length > 0 || manifest.postgres || manifest.cache
          ? [`secrets/${manifest.name}`]
          : []),
      ];
      expect(objects).toEqual(expected.sort());
      // The API server's own verdict on the pod template: a server-side dry run of the live
      // Deployment under another name answers with Pod Security's warning if it would not pass.
      const live = await deployment(manifest.name);
      const dryRun = await kube.create(
        `${objectPath('apps/v1', namespace, 'deployments')}?dryRun=All`,
        { metadata: { name: `${manifest.name}-admission-check`, namespace }, spec: live.spec },
      );
      expect(dryRun.status, JSON.stringify(dryRun.body)).toBe(201);
      const podSecurity = dryRun.warnings.filter((w) => w.includes('PodSecurity'));
      expect(podSecurity, podSecurity.join('\n')).toEqual([]);
    }
  });

  it("wires each declared data service: its URL in the Secret and never in the ConfigMap, whose DATABASE_URL_FILE the pods read, and one egress rule to the server's CIDR and port", async () => {
    const declaring = manifests.filter((m) => m.postgres || m.cache);
    expect(declaring.map((m) => m.name)).toContain('orders');
    for (const manifest of declaring)
      expect(await dataServiceWiringProblems(kube, namespace, manifest)).toEqual([]);
  });

  it('rolls out every Deployment to its HPA minimum, Available on the nodes and spread over zones', async () => {
    const zoneOf = new Map(
      (await kube.list<KubeObject>('/api/v1/nodes')).map((n) => [
        n.metadata.name,
        n.metadata.labels?.[zoneLabel],
      ]),
    );
    const clusterZones = new Set([...zoneOf.values()].filter((zone) => zone !== undefined));
    // The suite's own nodes: three zones, uneven (fake-nodes.ts), so only the constraint spreads.
    if (local) expect(clusterZones.size).toBe(3);
    for (const manifest of manifests) {
      const rolled = await waitForRollout(kube, namespace, manifest.name, manifest.replicas.min);
      expect(rolled.spec.replicas).toBe(manifest.replicas.min);
      const pods = await readyPods(kube, namespace, manifest.name);
      expect(pods).toHaveLength(manifest.replicas.min);
      const nodes = pods.map((pod) => pod.spec.nodeName);
      expect(nodes.every((node) => node !== undefined)).toBe(true);
      // A cluster you gave without zone labels has no zones to spread over.
      if (clusterZones.size < 2) continue;
      const zones = new Set(nodes.map((node) => zoneOf.get(node ?? '')));
      expect(zones.size, `${manifest.name} pods on ${nodes.join(', ')}`).toBe(
        Math.min(pods.length, clusterZones.size),
      );
    }
  });

  it('leaves the replica count to the HPA: Pulumi never owned spec.replicas, from create to scale-up', () => {
    firstDeploy?.stop();
    expect(firstDeploy?.seen.length).toBeGreaterThan(0);
    const owned = pulumiOwned(firstDeploy as ReplicaRecorder);
    expect(owned, owned.map((o) => `${o.name}: ${o.owners.join(', ')}`).join('\n')).toEqual([]);
  });

  it('reports no changes on a second pulumi up, nor on a preview that refreshes from the live objects first', async () => {
    const result = await deployServices('up');
    expect(changedNothing(result), JSON.stringify(result.changes)).toBe(true);
    // Fails (--expect-no-changes) when the live objects drifted from what the program declares.
    await deployServices('refreshed preview');
  });

  it('rolls out a changed image for that service only: the HPA count never reset, old ReplicaSet at 0, the other Deployments untouched', async () => {
    const [changed, ...others] = manifests;
    if (!changed) throw new Error('the catalog is empty');
    const before = Object.fromEntries(
      await Promise.all(manifests.map(async (m) => [m.name, await deployment(m.name)] as const)),
    );
    const othersPods = await Promise.all(others.map((m) => readyPods(kube, namespace, m.name)));
    const image = imageFor(changed.name, 'v2');
    const recorder = await recordReplicas(kube, namespace);
    try {
      await deployServices('up', { [changed.name]: image });
    } finally {
      recorder.stop();
    }
    // Every version of the Deployment the API server held during the deploy kept the HPA's count.
    const versions = recorder.seen.filter((seen) => seen.name === changed.name);
    expect(versions.length).toBeGreaterThan(0);
    expect(versions.filter((v) => (v.replicas ?? 0) < changed.replicas.min)).toEqual([]);
    expect(pulumiOwned(recorder)).toEqual([]);

    const after = await waitForRollout(kube, namespace, changed.name, changed.replicas.min);
    expect(after.metadata.generation).toBeGreaterThan(
      before[changed.name]?.metadata.generation ?? 0,
    );
    expect(after.spec.replicas).toBe(before[changed.name]?.spec.replicas);
    const sets = await replicaSets(kube, namespace, changed.name);
    const current = sets.filter((rs) => rs.spec.template.spec.containers[0]?.image === image);
    expect(current).toHaveLength(1);
    expect(current[0]?.status?.readyReplicas).toBe(changed.replicas.min);
    for (const old of sets.filter((rs) => !current.includes(rs))) expect(old.spec.replicas).toBe(0);

    for (const [index, other] of others.entries()) {
      const now = await deployment(other.name);
      expect(now.spec.template, other.name).toEqual(before[other.name]?.spec.template);
      expect(now.metadata.generation, other.name).toBe(before[other.name]?.metadata.generation);
      const uids = (await readyPods(kube, namespace, other.name)).map((p) => p.metadata.uid).sort();
      expect(uids).toEqual((othersPods[index] ?? []).map((p) => p.metadata.uid).sort());
    }
  });

  it('refuses a pod that breaks the restricted profile in the environment namespace (negative control)', async () => {
    const res = await kube.create(objectPath('v1', namespace, 'pods'), unrestrictedPod(namespace));
    expect(res.status).toBe(403);
    expect((res.body as { message?: string }).message).toMatch(
      /violates PodSecurity "restricted:v1\.\d+": .*runAsNonRoot != true/,
    );
  });

  it('drains by the PDB: with every node cordoned, the second eviction of a service is refused with 429', async () => {
    const [service] = manifests;
    if (!service) throw new Error('the catalog is empty');
    const nodes = (await kube.list<KubeObject>('/api/v1/nodes')).map((n) => n.metadata.name);
    const budget = objectPath('policy/v1', namespace, 'poddisruptionbudgets', service.name);
    await waitUntil(
      async () =>
        ((await kube.get<KubeObject & { status?: { disruptionsAllowed?: number } }>(budget))?.status
          ?.disruptionsAllowed ?? 0) >= 1,
      { what: `PDB ${service.name} to allow a disruption` },
    );
    const [first, second] = await readyPods(kube, namespace, service.name);
    if (!first || !second) throw new Error(`${service.name} has fewer than two ready pods`);
    await setUnschedulable(kube, nodes, true);
    try {
      expect(await evict(kube, namespace, first.metadata.name)).toBe(201);
      // Its replacement cannot be scheduled, so the budget has no disruption left.
      expect(await evict(kube, namespace, second.metadata.name)).toBe(429);
    } finally {
      await setUnschedulable(kube, nodes, false);
    }
    await waitForRollout(kube, namespace, service.name, service.replicas.min);
    await waitUntil(
      async () => (await readyPods(kube, namespace, service.name)).length === service.replicas.min,
      { what: `${service.name} back to ${service.replicas.min} ready pods` },
    );
    expect(await evict(kube, namespace, second.metadata.name)).toBe(201);
    await waitForRollout(kube, namespace, service.name, service.replicas.min);
  });

  it("finds the programs' objects by their labels across every kind, namespaced and cluster-scoped (so the destroy check below can fail)", async () => {
    const found = (await labelledObjects(kube, programSelectors)).map((live) =>
      describeRef(live.ref),
    );
    expect(found).toContain(`Namespace ${namespace}`);
    expect(found).toContain(`NetworkPolicy ${namespace}/default-deny-all`);
    for (const manifest of manifests) {
      expect(found).toContain(`Deployment ${namespace}/${manifest.name}`);
    }
  });

  it("leaves nothing after pulumi destroy, services then platform: an empty state, every object each held gone, nothing of the programs' anywhere in the cluster", async () => {
    const services = (await deployServices('destroy')).destroyed;
    destroyed = { ...destroyed, services: true };
    expect(services?.after).toEqual([]);
    const servicesHeld = services?.before ?? [];
    expect(servicesHeld.filter((r) => r.object?.kind === 'Deployment')).toHaveLength(
      manifests.length,
    );
    expect(await settled(() => objectsLeft(kube, servicesHeld))).toEqual([]);
    for (const manifest of manifests) {
      expect(await objectsOfService(kube, namespace, manifest.name)).toEqual([]);
    }
    await waitUntil(
      async () => (await kube.list<Pod>(objectPath('v1', namespace, 'pods'))).length === 0,
      { what: `the pods of ${namespace} to be gone` },
    );

    const platform = (await deployPlatform('destroy')).destroyed;
    destroyed = { ...destroyed, platform: true };
    expect(platform?.after).toEqual([]);
    const platformHeld = platform?.before ?? [];
    expect(platformHeld.map((r) => r.object?.kind)).toContain('Namespace');
    expect(await settled(() => objectsLeft(kube, platformHeld))).toEqual([]);
    // Objects neither state named (a Helm release's, say) count too; retained ones are left.
    expect(await settled(() => leftBehind(kube, [...servicesHeld, ...platformHeld]))).toEqual([]);
  });
});
