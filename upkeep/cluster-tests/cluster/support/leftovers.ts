import { productNames } from '@slipway/platform-contract';
import {
  type ApiResource,
  collectionPath,
  listableResources,
  objectUrl,
} from '../../src/kube/discovery.ts';
import type { KubeClient, KubeObject } from '../../src/kube/kube-client.ts';
import type { ObjectRef, StateResource } from '../../src/pulumi/state-resources.ts';

/**
 * The labels that mark an object as the programs': every object they create carries both
 * (platformLabels, the services' standardLabels), and Pulumi's provider adds `managed-by` to
 * any it creates.
 */
export const programSelectors = [
  `app.kubernetes.io/part-of=${productNames.partOf}`,
  'app.kubernetes.io/managed-by=pulumi',
] as const;

/** What charts label their objects with; Helm's annotations then name the release. */
const helmSelector = 'app.kubernetes.io/managed-by=Helm';

/** A live object, named by its kind's group version (list items carry no kind of their own). */
export interface LiveObject {
  readonly ref: ObjectRef;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
}

type HelmRelease = NonNullable<StateResource['helmRelease']>;

const installedBy = ({ annotations }: LiveObject, release: HelmRelease) =>
  annotations['meta.helm.sh/release-name'] === release.name &&
  annotations['meta.helm.sh/release-namespace'] === release.namespace;

const groupOf = (apiVersion: string) =>
  apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';

/** `Kind namespace/name`, for messages. */
export const describeRef = (ref: ObjectRef) =>
  `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;

const sameObject = (a: ObjectRef, b: ObjectRef) =>
  groupOf(a.apiVersion) === groupOf(b.apiVersion) &&
  a.kind === b.kind &&
  a.name === b.name &&
  (a.namespace ?? '') === (b.namespace ?? '');

/**
 * Whether Pulumi was told to leave an object in the cluster: a resource of the state with
 * `retainOnDelete`, or an object a Helm release with `retainOnDelete` installed (Helm's
 * `meta.helm.sh/release-*` annotations name it), as the platform does with the Gateway API CRDs
 * so that a destroy never deletes every Gateway and route of the cluster with them.
 * @example retainedBy(destroyed.before)(object) // true for the CRDs of a retained release
 */
export function retainedBy(state: readonly StateResource[]): (object: LiveObject) => boolean {
  const retained = state.filter((resource) => resource.retainOnDelete);
  return (live) =>
    retained.some(
      ({ object, helmRelease }) =>
        (object !== undefined && sameObject(object, live.ref)) ||
        (helmRelease !== undefined && installedBy(live, helmRelease)),
    );
}

/**
 * Every object in the cluster, of every kind discovery lists (namespaced in every namespace,
 * and cluster-scoped), that carries any of the labels. A list the API server refuses fails it.
 * @example await labelledObjects(kube, programSelectors) // [] once both stacks are destroyed
 */
export async function labelledObjects(
  kube: KubeClient,
  selectors: readonly string[],
): Promise<LiveObject[]> {
  const found = new Map<string, LiveObject>();
  for (const resource of await listableResources(kube)) {
    for (const selector of selectors) {
      const path = `${collectionPath(resource)}?labelSelector=${encodeURIComponent(selector)}`;
      for (const item of await kube.list<KubeObject>(path)) {
        const ref: ObjectRef = {
          apiVersion: resource.groupVersion,
          kind: resource.kind,
          name: item.metadata.name,
          ...(item.metadata.namespace ? { namespace: item.metadata.namespace } : {}),
        };
        found.set(describeRef(ref), {
          ref,
          labels: item.metadata.labels ?? {},
          annotations: item.metadata.annotations ?? {},
        });
      }
    }
  }
  return [...found.values()];
}

/**
 * What the destroyed stacks left in the cluster: every object, of any kind and scope, labelled
 * as the programs' or installed by a Helm release of their state, except what was retained.
 * @example expect(await leftBehind(kube, [...services.before, ...platform.before])).toEqual([]);
 */
export async function leftBehind(
  kube: KubeClient,
  state: readonly StateResource[],
): Promise<string[]> {
  const retained = retainedBy(state);
  const releases = state.flatMap(({ helmRelease }) => (helmRelease ? [helmRelease] : []));
  const selectors = [...programSelectors, ...(releases.length > 0 ? [helmSelector] : [])];
  const ofPrograms = (live: LiveObject) =>
    programSelectors.some((selector) => {
      const [key = '', value] = selector.split('=');
      return live.labels[key] === value;
    }) || releases.some((release) => installedBy(live, release));
  return (await labelledObjects(kube, selectors))
    .filter((live) => ofPrograms(live) && !retained(live))
    .map((live) => describeRef(live.ref));
}

/**
 * The objects of a destroyed stack's state that are still in the cluster, retained ones aside:
 * each looked up by its own kind, whatever it is. A kind the cluster no longer serves (its CRD
 * went with the stack) has no objects left.
 * @example await objectsLeft(kube, destroyed.before) // []
 */
export async function objectsLeft(
  kube: KubeClient,
  state: readonly StateResource[],
): Promise<string[]> {
  const resources = await listableResources(kube);
  const resourceOf = (ref: ObjectRef): ApiResource | undefined =>
    resources.find(
      (r) => groupOf(r.groupVersion) === groupOf(ref.apiVersion) && r.kind === ref.kind,
    );
  const left: string[] = [];
  for (const { object, retainOnDelete } of state) {
    if (!object || retainOnDelete) continue;
    const resource = resourceOf(object);
    if (resource && (await kube.get(objectUrl(resource, object.name, object.namespace)))) {
      left.push(describeRef(object));
    }
  }
  return left;
}

/**
 * Polls a list until it is empty or `timeoutMs` has passed, and returns the last one: deletion
 * (a namespace's, with its finalizer) completes after the call that asked for it. A read that
 * fails fails this at once.
 * @example expect(await settled(() => objectsLeft(kube, state))).toEqual([]);
 */
export async function settled<T>(
  read: () => Promise<readonly T[]>,
  timeoutMs = 60_000,
): Promise<readonly T[]> {
  const deadline = Date.now() + timeoutMs;
  let left = await read();
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    left = await read();
  }
  return left;
}
