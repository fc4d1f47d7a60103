import { expectOk, type KubeClient, type KubeObject } from '../kube/kube-client.js';
import { waitUntil } from './wait-until.js';

/** The annotation kwok selects the nodes it plays the kubelet for by (`--manage-nodes-with-annotation-selector`). */
export const kwokNodeAnnotation = { key: 'kwok.x-k8s.io/node', value: 'fake' } as const;

/** The zone label topology spread constraints read. */
export const zoneLabel = 'topology.kubernetes.io/zone';

/** The suite's fake nodes: one per zone, so spreading over zones is observable. */
export const fakeNodes = [
  { name: 'kwok-node-a', zone: 'zone-a' },
  { name: 'kwok-node-b', zone: 'zone-b' },
  { name: 'kwok-node-c', zone: 'zone-c' },
] as const;

interface NodeStatus extends KubeObject {
  readonly status?: { readonly conditions?: readonly { type: string; status: string }[] };
}

function nodeObject(name: string, zone: string): object {
  const capacity = { cpu: '32', memory: '256Gi', pods: '110', 'ephemeral-storage': '100Gi' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      annotations: { [kwokNodeAnnotation.key]: kwokNodeAnnotation.value },
      labels: {
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        [zoneLabel]: zone,
        type: 'kwok',
      },
    },
    // A node's status is accepted on create (a kubelet registers this way); kwok keeps it Ready.
    status: { capacity, allocatable: capacity },
  };
}

/**
 * Registers the fake nodes and waits until kwok reports each Ready, so the scheduler can use
 * them before the first deploy.
 * @example await createFakeNodes(kube);
 */
export async function createFakeNodes(kube: KubeClient): Promise<void> {
  for (const { name, zone } of fakeNodes) {
    const res = await kube.create('/api/v1/nodes', nodeObject(name, zone));
    if (res.status !== 409) expectOk(res, 'POST', `/api/v1/nodes (${name})`);
  }
  for (const { name } of fakeNodes) {
    await waitUntil(
      async () => {
        const node = await kube.get<NodeStatus>(`/api/v1/nodes/${name}`);
        return node?.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
      },
      { what: `node ${name} to be Ready (kwok)` },
    );
  }
}
