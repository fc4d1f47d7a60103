import { expectOk, type KubeClient } from './kube-client.ts';

/** A kind the API server serves and can list, as discovery names it. */
export interface ApiResource {
  /** `v1` for the core group, else `group/version`. */
  readonly groupVersion: string;
  /** The resource's plural, its path segment: `deployments`. */
  readonly plural: string;
  readonly kind: string;
  readonly namespaced: boolean;
}

/** A discovery document of one group version (`GET /api/v1`, `GET /apis/apps/v1`). */
export interface ApiResourceList {
  readonly groupVersion: string;
  readonly resources: readonly {
    readonly name: string;
    readonly kind: string;
    readonly namespaced: boolean;
    readonly verbs?: readonly string[];
  }[];
}

/** The list of API groups (`GET /apis`). */
export interface ApiGroupList {
  readonly groups: readonly {
    readonly name: string;
    readonly preferredVersion?: { readonly groupVersion: string };
    readonly versions: readonly { readonly groupVersion: string }[];
  }[];
}

const groupOf = (groupVersion: string) =>
  groupVersion.includes('/') ? groupVersion.slice(0, groupVersion.indexOf('/')) : '';

/**
 * The listable resources of discovery documents, each kind once per group: subresources
 * (`pods/log`) and resources without `list` are left out, and the same resource served in
 * several versions counts once, in the earliest document that has it (give the preferred first).
 * @example listableIn([coreV1, appsV1]).map((r) => r.plural) // ['pods', …, 'deployments', …]
 */
export function listableIn(documents: readonly ApiResourceList[]): ApiResource[] {
  const seen = new Set<string>();
  const found: ApiResource[] = [];
  for (const { groupVersion, resources } of documents) {
    for (const resource of resources) {
      const key = `${groupOf(groupVersion)}/${resource.name}`;
      if (resource.name.includes('/') || !resource.verbs?.includes('list') || seen.has(key)) {
        continue;
      }
      seen.add(key);
      found.push({
        groupVersion,
        plural: resource.name,
        kind: resource.kind,
        namespaced: resource.namespaced,
      });
    }
  }
  return found;
}

/** The group versions to read, each group's preferred version first. */
export function groupVersionsOf(groups: ApiGroupList): string[] {
  return groups.groups.flatMap(({ preferredVersion, versions }) => {
    const preferred = preferredVersion?.groupVersion;
    const others = versions.map((v) => v.groupVersion).filter((gv) => gv !== preferred);
    return preferred ? [preferred, ...others] : others;
  });
}

const prefixOf = (groupVersion: string) =>
  groupVersion === 'v1' ? '/api/v1' : `/apis/${groupVersion}`;

/**
 * Every resource the API server can list, by discovery: the core group and every API group
 * (CRDs and aggregated APIs included). A discovery call that fails fails this, naming it: an
 * unreadable group must not pass for an empty one.
 * @example for (const r of await listableResources(kube)) await kube.list(collectionPath(r));
 */
export async function listableResources(kube: KubeClient): Promise<ApiResource[]> {
  const read = async <T>(path: string) => expectOk(await kube.request<T>('GET', path), 'GET', path);
  const groups = await read<ApiGroupList>('/apis');
  const documents = [
    await read<ApiResourceList>('/api/v1'),
    ...(await Promise.all(
      groupVersionsOf(groups).map((gv) => read<ApiResourceList>(prefixOf(gv))),
    )),
  ];
  return listableIn(documents);
}

/** The path that lists a resource in every namespace (or the cluster-scoped ones). */
export function collectionPath(resource: ApiResource): string {
  return `${prefixOf(resource.groupVersion)}/${resource.plural}`;
}

/**
 * The path of one object of a resource.
 * @example objectUrl(deployments, 'orders', 'slipway-dev') // '/apis/apps/v1/namespaces/slipway-dev/deployments/orders'
 */
export function objectUrl(resource: ApiResource, name: string, namespace?: string): string {
  const scope = resource.namespaced && namespace ? `/namespaces/${namespace}` : '';
  return `${prefixOf(resource.groupVersion)}${scope}/${resource.plural}/${name}`;
}
