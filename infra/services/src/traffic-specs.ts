// How traffic reaches a service's pods: its Service in the cluster, its HTTPRoute from the gateway.
import type * as k8s from '@pulumi/kubernetes';
import type { GatewayParentRef } from '@slipway/infra-platform/outputs';
import { requestDeadlineHeader, servicePortName } from '@slipway/platform-contract';
import type { ServiceManifest } from '@slipway/service-manifest';
import { selectorLabels } from './labels.ts';

type ServiceSpec = k8s.types.input.core.v1.ServiceSpec;

/**
 * The HTTP methods RFC 9110 calls idempotent that services serve: sending one twice has the
 * effect of sending it once, so the gateway may resend it after a connection reset.
 */
const idempotentMethods = ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'] as const;

/** The names of a public service's HTTPRoute rules, which its traffic policies target. */
export const routeRuleNames = {
  /** {@link idempotentMethods}: retried on connect failure or reset. */
  idempotent: 'idempotent',
  /** Every other method (POST, PATCH…): never resent. */
  other: 'other',
} as const;

/** One of {@link routeRuleNames}. */
export type RouteRuleName = (typeof routeRuleNames)[keyof typeof routeRuleNames];

type HttpMethod = (typeof idempotentMethods)[number];

/** The `spec` of a `gateway.networking.k8s.io/v1` HTTPRoute, as far as the platform sets it. */
export interface HttpRouteSpec {
  readonly parentRefs: readonly (GatewayParentRef & {
    readonly group: string;
    readonly kind: 'Gateway';
  })[];
  readonly hostnames: readonly string[];
  readonly rules: readonly {
    readonly name: RouteRuleName;
    readonly matches: readonly {
      readonly path: { readonly type: 'PathPrefix'; readonly value: string };
      readonly method?: HttpMethod;
    }[];
    readonly filters: readonly {
      readonly type: 'RequestHeaderModifier';
      readonly requestHeaderModifier: { readonly remove: readonly string[] };
    }[];
    readonly backendRefs: readonly { readonly name: string; readonly port: number }[];
  }[];
}

/**
 * Headers only the platform's own services may send, removed from what the internet sends: a
 * client setting `x-request-deadline-ms` to a few ms would make the public service's calls
 * time out at once.
 */
const internalOnlyHeaders = [requestDeadlineHeader];

/** The API group of Gateway API objects. */
export const gatewayApiGroup = 'gateway.networking.k8s.io';

/**
 * The ClusterIP Service of a service: its manifest port, to the pods' named port `http`.
 * @example serviceSpec(orders, 'dev').ports // [{ name: 'http', port: 3001, targetPort: 'http', protocol: 'TCP' }]
 */
export function serviceSpec(manifest: ServiceManifest, environment: string): ServiceSpec {
  return {
    type: 'ClusterIP',
    selector: selectorLabels(manifest.name, environment),
    ports: [
      { name: servicePortName, port: manifest.port, targetPort: servicePortName, protocol: 'TCP' },
    ],
  };
}

/**
 * The HTTPRoute of a public service: `host` on the environment's Gateway (its HTTPS listener),
 * every path to the Service's port, in two rules the traffic policies tell apart: the
 * idempotent methods (a match with a method wins over one without, Gateway API's precedence)
 * and every other method. Both drop the headers only the platform's services may send
 * ({@link internalOnlyHeaders}). Timeouts come from the BackendTrafficPolicies
 * (`traffic-policy-specs.ts`): an HTTPRoute timeout would override theirs.
 * @example httpRouteSpec({ manifest: gateway, host: 'gateway.dev.example.com', parentRef })
 */
export function httpRouteSpec({
  manifest,
  host,
  parentRef,
}: {
  readonly manifest: ServiceManifest;
  readonly host: string;
  readonly parentRef: GatewayParentRef;
}): HttpRouteSpec {
  const everyPath = { type: 'PathPrefix', value: '/' } as const;
  const backendRefs = [{ name: manifest.name, port: manifest.port }];
  const filters = [
    {
      type: 'RequestHeaderModifier',
      requestHeaderModifier: { remove: [...internalOnlyHeaders] },
    } as const,
  ];
  return {
    parentRefs: [
      {
        group: gatewayApiGroup,
        kind: 'Gateway',
        name: parentRef.name,
        namespace: parentRef.namespace,
        sectionName: parentRef.sectionName,
      },
    ],
    hostnames: [host],
    rules: [
      {
        name: routeRuleNames.idempotent,
        matches: idempotentMethods.map((method) => ({ path: everyPath, method })),
        filters,
        backendRefs,
      },
      { name: routeRuleNames.other, matches: [{ path: everyPath }], filters, backendRefs },
    ],
  };
}
