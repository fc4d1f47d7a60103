import type { KubeClient, KubeObject } from '../../src/kube/kube-client.ts';
import { objectPath } from '../../src/kube/workloads.ts';

/** The kinds the services program creates, by API group and plural: what each service must have. */
const serviceKinds = [
  { group: 'v1', plural: 'serviceaccounts' },
  { group: 'v1', plural: 'configmaps' },
  { group: 'v1', plural: 'services' },
  { group: 'apps/v1', plural: 'deployments' },
  { group: 'autoscaling/v2', plural: 'horizontalpodautoscalers' },
  { group: 'policy/v1', plural: 'poddisruptionbudgets' },
  { group: 'networking.k8s.io/v1', plural: 'networkpolicies' },
  { group: 'gateway.networking.k8s.io/v1', plural: 'httproutes' },
  { group: 'v1', plural: 'secrets' },
] as const;

/** `kind/name` of every object of a service (by its name label) in the namespace. */
export async function objectsOfService(
  kube: KubeClient,
  namespace: string,
  service: string,
): Promise<string[]> {
  const selector = `?labelSelector=${encodeURIComponent(`app.kubernetes.io/name=${service}`)}`;
  const found: string[] = [];
  for (const { group, plural } of serviceKinds) {
    const items = await kube.list<KubeObject>(`${objectPath(group, namespace, plural)}${selector}`);
    found.push(...items.map((item) => `${plural}/${item.metadata.name}`));
  }
  return found.sort();
}

/** Evicts a pod through the Eviction API, returning the status code (201 done, 429 refused by a PDB). */
export async function evict(kube: KubeClient, namespace: string, pod: string): Promise<number> {
  const res = await kube.create(`${objectPath('v1', namespace, 'pods', pod)}/eviction`, {
    apiVersion: 'policy/v1',
    kind: 'Eviction',
    metadata: { name: pod, namespace },
  });
  return res.status;
}

/** Marks nodes (un)schedulable, as `kubectl cordon` / `uncordon` do. */
export async function setUnschedulable(
  kube: KubeClient,
  nodes: readonly string[],
  unschedulable: boolean,
): Promise<void> {
  for (const node of nodes) {
    await kube.patch(`/api/v1/nodes/${node}`, { spec: { unschedulable } });
  }
}

/** A pod that breaks the `restricted` profile: root allowed, no seccomp profile, capabilities kept. */
export function unrestrictedPod(namespace: string): object {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'runs-as-root', namespace },
    spec: { containers: [{ name: 'root', image: 'registry.slipway.test/root:1.0.0' }] },
  };
}
