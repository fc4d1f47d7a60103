import { expectOk, type KubeClient, type KubeObject } from '../kube/kube-client.ts';
import { waitUntil } from './wait-until.ts';

/** The annotation kwok selects the nodes it plays the kubelet for by (`--manage-nodes-with-annotation-selector`). */
export const kwokNodeAnnotation = { key: 'kwok.x-k8s.io/node', value: 'fake' } as const;

/** The zone label topology spread constraints read. */
export const zoneLabel = 'topology.kubernetes.io/zone';

/** What a fake node offers the scheduler. */
const smallNode = { cpu: '2', memory: '4Gi', pods: '110', 'ephemeral-storage': '100Gi' };
const largeNode = { cpu: '32', memory: '256Gi', pods: '110', 'ephemeral-storage': '100Gi' };

/**
 * The suite's fake nodes, uneven on purpose: three small nodes in zone-a, one large node in each
 * of zone-b and zone-c. The scheduler packs (scheduler-config.ts), and a pod is a larger share of
 * a small node, so every pod without a zone spread constraint goes to zone-a: on its own node
 * with a hostname constraint, on the same one without. Only the zone constraint puts a
 * service's pods in as many zones as pods.
 */
const fakeNodes = [
  { name: 'kwok-node-a1', zone: 'zone-a', capacity: smallNode },
  { name: 'kwok-node-a2', zone: 'zone-a', capacity: smallNode },
  { name: 'kwok-node-a3', zone: 'zone-a', capacity: smallNode },
  { name: 'kwok-node-b', zone: 'zone-b', capacity: largeNode },
  { name: 'kwok-node-c', zone: 'zone-c', capacity: largeNode },
] as const;

interface NodeStatus extends KubeObject {
  readonly status?: { readonly conditions?: readonly { type: string; status: string }[] };
}

function nodeObject({ name, zone, capacity }: (typeof fakeNodes)[number]): object {
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
  for (const node of fakeNodes) {
    const res = await kube.create('/api/v1/nodes', nodeObject(node));
    if (res.status !== 409) expectOk(res, 'POST', `/api/v1/nodes (${node.name})`);
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
