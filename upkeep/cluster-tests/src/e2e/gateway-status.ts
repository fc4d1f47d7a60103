import { waitUntil } from '../control-plane/wait-until.ts';
import type { KubeClient, KubeObject } from '../kube/kube-client.ts';
import { objectPath } from '../kube/workloads.ts';

/** One entry of a Gateway API `status.conditions`. */
interface Condition {
  readonly type: string;
  readonly status: string;
  readonly reason?: string;
  readonly message?: string;
  readonly observedGeneration?: number;
}

/** A Gateway, as far as its readiness is read. */
export interface GatewayObject extends KubeObject {
  readonly status?: { readonly conditions?: readonly Condition[] };
}

/** An HTTPRoute, as far as its readiness and host names are read. */
export interface HttpRouteObject extends KubeObject {
  readonly spec?: { readonly hostnames?: readonly string[] };
  readonly status?: {
    readonly parents?: readonly {
      readonly parentRef: { readonly name: string; readonly namespace?: string };
      readonly conditions?: readonly Condition[];
    }[];
  };
}

/**
 * An Envoy Gateway policy (BackendTrafficPolicy, ClientTrafficPolicy), as far as its status is
 * read: one entry per Gateway its targets hang off (Gateway API's policy status).
 */
export interface PolicyObject extends KubeObject {
  readonly kind?: string;
  readonly status?: {
    readonly ancestors?: readonly {
      readonly ancestorRef: { readonly name: string; readonly sectionName?: string };
      readonly conditions?: readonly Condition[];
    }[];
  };
}

const gatewayApi = 'gateway.networking.k8s.io/v1';
const envoyGatewayApi = 'gateway.envoyproxy.io/v1alpha1';
/** The policies the platform and the services programs write, by their resource names. */
const policyResources = {
  ClientTrafficPolicy: 'clienttrafficpolicies',
  BackendTrafficPolicy: 'backendtrafficpolicies',
} as const;

/**
 * Why condition `type` is not `True` on an object at `generation`, or undefined when it is. A
 * condition written for an older generation is stale: the controller has not seen the change.
 */
function unmet(
  conditions: readonly Condition[] | undefined,
  type: string,
  generation: number | undefined,
): string | undefined {
  const condition = conditions?.find((c) => c.type === type);
  if (!condition) return `${type} not reported yet`;
  if (
    generation !== undefined &&
    condition.observedGeneration !== undefined &&
    condition.observedGeneration < generation
  )
    return `${type} is for generation ${condition.observedGeneration}, not ${generation}`;
  if (condition.status !== 'True')
    return `${type}=${condition.status} (${condition.reason ?? 'no reason'}: ${condition.message ?? ''})`;
  return undefined;
}

/**
 * Why a Gateway cannot carry traffic yet: empty once it is `Programmed=True` (Envoy Gateway has
 * its proxies and their Service in place).
 * @example gatewayProblems(gateway) // ['Gateway slipway-e2e/public: Programmed=False (AddressNotAssigned: …)']
 */
export function gatewayProblems(gateway: GatewayObject): string[] {
  const why = unmet(gateway.status?.conditions, 'Programmed', gateway.metadata.generation);
  return why ? [`Gateway ${gateway.metadata.namespace}/${gateway.metadata.name}: ${why}`] : [];
}

/**
 * Why an HTTPRoute does not route yet: empty once every parent Gateway reports it
 * `Accepted=True` (attached to a listener) and `ResolvedRefs=True` (its backends exist).
 * @example routeProblems(route) // ['HTTPRoute slipway-e2e/orders on public: ResolvedRefs=False (BackendNotFound: …)']
 */
export function routeProblems(route: HttpRouteObject): string[] {
  const name = `HTTPRoute ${route.metadata.namespace}/${route.metadata.name}`;
  const parents = route.status?.parents ?? [];
  if (parents.length === 0) return [`${name}: no Gateway reports it yet`];
  return parents.flatMap((parent) =>
    ['Accepted', 'ResolvedRefs'].flatMap((type) => {
      const why = unmet(parent.conditions, type, route.metadata.generation);
      return why ? [`${name} on ${parent.parentRef.name}: ${why}`] : [];
    }),
  );
}

/**
 * Why a traffic policy does not apply yet: empty once every Gateway it hangs off reports it
 * `Accepted=True` (Envoy Gateway found its target and took every field; a target that does not
 * exist or a field it cannot apply leaves it unaccepted, and the route unguarded).
 * @example policyProblems('BackendTrafficPolicy', policy) // ['BackendTrafficPolicy slipway-e2e/gateway-other on public: Accepted=False (Invalid: …)']
 */
export function policyProblems(kind: string, policy: PolicyObject): string[] {
  const name = `${kind} ${policy.metadata.namespace}/${policy.metadata.name}`;
  const ancestors = policy.status?.ancestors ?? [];
  if (ancestors.length === 0) return [`${name}: no Gateway reports it yet`];
  return ancestors.flatMap((ancestor) => {
    const why = unmet(ancestor.conditions, 'Accepted', policy.metadata.generation);
    const on = [ancestor.ancestorRef.name, ancestor.ancestorRef.sectionName].filter(Boolean);
    return why ? [`${name} on ${on.join('/')}: ${why}`] : [];
  });
}

/** The traffic policies of a namespace, by kind. */
export type EdgePolicies = Readonly<Record<keyof typeof policyResources, readonly PolicyObject[]>>;

/**
 * Why the edge of a namespace is not ready: no Gateway, no HTTPRoute, no traffic policy of
 * either kind (the kind run deploys Envoy Gateway, so both exist), or any of theirs above.
 * @example edgeProblems(gateways, routes, policies) // []
 */
export function edgeProblems(
  gateways: readonly GatewayObject[],
  routes: readonly HttpRouteObject[],
  policies: EdgePolicies,
): string[] {
  return [
    ...(gateways.length === 0 ? ['no Gateway yet'] : []),
    ...(routes.length === 0 ? ['no HTTPRoute yet'] : []),
    ...Object.entries(policies).flatMap(([kind, objects]) => [
      ...(objects.length === 0 ? [`no ${kind} yet`] : []),
      ...objects.flatMap((policy) => policyProblems(kind, policy)),
    ]),
    ...gateways.flatMap(gatewayProblems),
    ...routes.flatMap(routeProblems),
  ];
}

/**
 * Waits, bounded, until the namespace's Gateway is `Programmed`, each HTTPRoute is `Accepted`
 * with its refs resolved and each traffic policy is `Accepted` (the listener's TLS minimum and
 * HSTS, each route's timeouts, retries, circuit breaker and rate limit), so the load never
 * starts against a gateway that is not routing, or not guarding, yet.
 * Returns the routes' host names.
 * @throws Error listing what was still not ready when `timeoutMs` ran out.
 * @example const hosts = await waitForEdge(kube, 'slipway-e2e', 300_000);
 */
export async function waitForEdge(
  kube: KubeClient,
  namespace: string,
  timeoutMs: number,
): Promise<string[]> {
  return waitUntil(
    async () => {
      const gateways = await kube.list<GatewayObject>(
        objectPath(gatewayApi, namespace, 'gateways'),
      );
      const routes = await kube.list<HttpRouteObject>(
        objectPath(gatewayApi, namespace, 'httproutes'),
      );
      const policies = Object.fromEntries(
        await Promise.all(
          Object.entries(policyResources).map(
            async ([kind, resource]) =>
              [
                kind,
                await kube.list<PolicyObject>(objectPath(envoyGatewayApi, namespace, resource)),
              ] as const,
          ),
        ),
      ) as EdgePolicies;
      const problems = edgeProblems(gateways, routes, policies);
      // Thrown, so the timeout's message says what was still missing.
      if (problems.length > 0) throw new Error(problems.join('; '));
      return routes.flatMap((r) => r.spec?.hostnames ?? []);
    },
    {
      what: `the Gateway in ${namespace} to be Programmed, its HTTPRoutes Accepted with ResolvedRefs and its traffic policies Accepted`,
      timeoutMs,
      intervalMs: 2_000,
    },
  );
}
