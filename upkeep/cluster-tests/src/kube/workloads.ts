import { waitUntil } from '../control-plane/wait-until.ts';
import type { KubeClient, KubeObject } from './kube-client.ts';

/** A Deployment, as far as rollouts are read. */
export interface Deployment extends KubeObject {
  readonly spec: {
    readonly replicas?: number;
    readonly template: {
      readonly metadata?: { readonly annotations?: Readonly<Record<string, string>> };
      readonly spec: { readonly containers: readonly { readonly image: string }[] };
    };
  };
  readonly status?: {
    readonly observedGeneration?: number;
    readonly replicas?: number;
    readonly updatedReplicas?: number;
    readonly availableReplicas?: number;
    readonly readyReplicas?: number;
    readonly conditions?: readonly { readonly type: string; readonly status: string }[];
  };
}

/** A ReplicaSet, as far as rollouts are read. */
export interface ReplicaSet extends KubeObject {
  readonly spec: { readonly replicas?: number; readonly template: Deployment['spec']['template'] };
  readonly status?: { readonly replicas?: number; readonly readyReplicas?: number };
}

/** A Pod, as far as placement and readiness are read. */
export interface Pod extends KubeObject {
  readonly spec: { readonly nodeName?: string };
  readonly status?: {
    readonly phase?: string;
    readonly conditions?: readonly { readonly type: string; readonly status: string }[];
  };
}

/** `?labelSelector=` for the pods (and ReplicaSets) of one service. */
function serviceSelector(service: string): string {
  return `?labelSelector=${encodeURIComponent(`app.kubernetes.io/name=${service}`)}`;
}

/** The path of a namespaced object, e.g. `apis/apps/v1/namespaces/ns/deployments/orders`. */
export function objectPath(group: string, namespace: string, plural: string, name = ''): string {
  const prefix = group === 'v1' ? '/api/v1' : `/apis/${group}`;
  return `${prefix}/namespaces/${namespace}/${plural}${name ? `/${name}` : ''}`;
}

/** True when a Deployment's latest generation is fully rolled out and available. */
function isRolledOut(deployment: Deployment | undefined): boolean {
  if (!deployment?.status) return false;
  const want = deployment.spec.replicas ?? 1;
  const { observedGeneration, replicas, updatedReplicas, availableReplicas } = deployment.status;
  return (
    observedGeneration === deployment.metadata.generation &&
    updatedReplicas === want &&
    replicas === want &&
    availableReplicas === want &&
    (deployment.status.conditions ?? []).some((c) => c.type === 'Available' && c.status === 'True')
  );
}

/**
 * Waits until a Deployment is rolled out with at least `replicas` pods (the HPA scales up
 * after the first apply), and returns it.
 * @example const orders = await waitForRollout(kube, 'slipway-dev', 'orders', 2);
 */
export function waitForRollout(
  kube: KubeClient,
  namespace: string,
  name: string,
  replicas = 1,
): Promise<Deployment> {
  return waitUntil(
    async () => {
      const deployment = await kube.get<Deployment>(
        objectPath('apps/v1', namespace, 'deployments', name),
      );
      return isRolledOut(deployment) && (deployment?.spec.replicas ?? 0) >= replicas
        ? deployment
        : undefined;
    },
    {
      what: `Deployment ${namespace}/${name} rolled out with ${replicas}+ replicas`,
      timeoutMs: 120_000,
    },
  );
}

/** The ready pods of a service. */
export async function readyPods(
  kube: KubeClient,
  namespace: string,
  service: string,
): Promise<Pod[]> {
  const pods = await kube.list<Pod>(
    `${objectPath('v1', namespace, 'pods')}${serviceSelector(service)}`,
  );
  return pods.filter(
    (pod) =>
      pod.status?.phase === 'Running' &&
      (pod.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'),
  );
}

/** The ReplicaSets of a service. */
export function replicaSets(
  kube: KubeClient,
  namespace: string,
  service: string,
): Promise<readonly ReplicaSet[]> {
  return kube.list<ReplicaSet>(
    `${objectPath('apps/v1', namespace, 'replicasets')}${serviceSelector(service)}`,
  );
}

/**
 * The managers (`fieldManager`s) that own a field, from the object's managedFields; the path
 * is the field's keys, e.g. `['spec', 'replicas']`.
 * @example fieldOwners(deployment, ['spec', 'replicas']) // ['kube-controller-manager']
 */
function fieldOwners(object: KubeObject, path: readonly string[]): string[] {
  return (object.metadata.managedFields ?? [])
    .filter((entry) => {
      let node: unknown = entry.fieldsV1;
      for (const key of path) {
        if (typeof node !== 'object' || node === null) return false;
        node = (node as Record<string, unknown>)[`f:${key}`];
      }
      return node !== undefined;
    })
    .map((entry) => entry.manager ?? '');
}

/** What a {@link ReplicaRecorder} saw of one Deployment's replica count. */
interface ReplicaObservation {
  readonly name: string;
  readonly replicas: number | undefined;
  /** The managers that owned `spec.replicas` at that moment. */
  readonly owners: readonly string[];
}

/** Records every version of the Deployments in a namespace while something runs. */
export interface ReplicaRecorder {
  readonly seen: readonly ReplicaObservation[];
  stop(): void;
}

/**
 * Watches the namespace's Deployments and records, for every change, the replica count and who
 * owned it: a deploy that reset the count, even for a moment before the HPA scaled back, shows.
 * @example const recorder = await recordReplicas(kube, 'slipway-dev'); await up(); recorder.stop();
 */
export async function recordReplicas(
  kube: KubeClient,
  namespace: string,
): Promise<ReplicaRecorder> {
  const seen: ReplicaObservation[] = [];
  const watch = await kube.watch<Deployment>(
    objectPath('apps/v1', namespace, 'deployments'),
    (type, object) => {
      if (type === 'ADDED' || type === 'MODIFIED') {
        seen.push({
          name: object.metadata.name,
          replicas: object.spec.replicas,
          owners: fieldOwners(object, ['spec', 'replicas']),
        });
      }
    },
  );
  return { seen, stop: () => watch.stop() };
}

/** The versions a recorder saw whose `spec.replicas` a Pulumi field manager owned. */
export const pulumiOwned = (recorder: ReplicaRecorder) =>
  recorder.seen.filter((seen) => seen.owners.some((owner) => owner.startsWith('pulumi')));
