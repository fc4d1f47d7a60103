import * as k8s from '@pulumi/kubernetes';
import type * as pulumi from '@pulumi/pulumi';
import type { PlatformGateway } from '@slipway/infra-platform/outputs';
import type { ServiceManifest } from '@slipway/service-manifest';
import { backendTrafficPolicySpec, envoyGatewayPolicyApiVersion } from './traffic-policy-specs.ts';
import { gatewayApiGroup, httpRouteSpec, routeRuleNames } from './traffic-specs.ts';

/** How a public service is reached from outside: its host on the environment's gateway. */
export interface PublicRoute {
  /** `<service>.<domain>`, covered by the gateway's `*.<domain>` certificate. */
  readonly host: string;
  /** The environment's gateway, from the platform stack's `gateways` output. */
  readonly gateway: PlatformGateway;
}

/** The metadata every object of the service starts from: its name, namespace and labels. */
interface ServiceMetadata {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * A public service's way in: its HTTPRoute on the environment's gateway and, when Envoy Gateway
 * runs that gateway (a cloud's controller knows no such kind), one BackendTrafficPolicy per
 * route rule (`<service>-idempotent`, `<service>-other`) with its timeouts, retries, circuit
 * breaker and per-client rate limit.
 * @example resources.push(...publicRouteObjects('orders', { manifest, metadata, route }, { parent }));
 */
export function publicRouteObjects(
  name: string,
  {
    manifest,
    metadata,
    route,
  }: {
    readonly manifest: ServiceManifest;
    readonly metadata: ServiceMetadata;
    readonly route: PublicRoute;
  },
  opts: pulumi.CustomResourceOptions,
): pulumi.CustomResource[] {
  const spec = httpRouteSpec({ manifest, host: route.host, parentRef: route.gateway.parentRef });
  const httpRoute = new k8s.apiextensions.CustomResource(
    `${name}-route`,
    { apiVersion: `${gatewayApiGroup}/v1`, kind: 'HTTPRoute', metadata, spec },
    opts,
  );
  if ((route.gateway.controller ?? 'envoy-gateway') !== 'envoy-gateway') return [httpRoute];
  const policies = Object.values(routeRuleNames).map(
    (rule) =>
      new k8s.apiextensions.CustomResource(
        `${name}-${rule}-traffic-policy`,
        {
          apiVersion: envoyGatewayPolicyApiVersion,
          kind: 'BackendTrafficPolicy',
          metadata: { ...metadata, name: `${metadata.name}-${rule}` },
          spec: backendTrafficPolicySpec({ manifest, routeName: metadata.name, rule }),
        },
        opts,
      ),
  );
  return [httpRoute, ...policies];
}
