// How traffic reaches a service's pods: its Service in the cluster, its HTTPRoute from the gateway.
import type * as k8s from '@pulumi/kubernetes';
import type { GatewayParentRef } from '@slipway/infra-platform/outputs';
import { servicePortName } from '@slipway/platform-contract';
import type { ServiceManifest } from '@slipway/service-manifest';
import { selectorLabels } from './labels.ts';

type ServiceSpec = k8s.types.input.core.v1.ServiceSpec;

/** The `spec` of a `gateway.networking.k8s.io/v1` HTTPRoute, as far as the platform sets it. */
export interface HttpRouteSpec {
  readonly parentRefs: readonly (GatewayParentRef & {
    readonly group: string;
    readonly kind: 'Gateway';
  })[];
  readonly hostnames: readonly string[];
  readonly rules: readonly {
    readonly matches: readonly {
      readonly path: { readonly type: 'PathPrefix'; readonly value: string };
    }[];
    readonly backendRefs: readonly { readonly name: string; readonly port: number }[];
    readonly timeouts: { readonly request: string };
  }[];
}

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
 * every path to the Service's port. The request timeout is the manifest's longest request
 * (`shutdown.maxRequestSeconds`), the same bound the pod's grace period is built on, so the
 * gateway never cuts a request the service is still allowed to finish.
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
        matches: [{ path: { type: 'PathPrefix', value: '/' } }],
        backendRefs: [{ name: manifest.name, port: manifest.port }],
        timeouts: { request: `${manifest.shutdown.maxRequestSeconds}s` },
      },
    ],
  };
}
