import { gatewayTrafficDefaults } from '@slipway/platform-contract';
import type { GatewayDataPlane } from './platform-outputs.ts';

/** The HTTPS listener services attach their HTTPRoutes to (`parentRefs[].sectionName`). */
export const httpsListenerName = 'https';
/** The HTTP listener; only the platform's redirect route uses it. */
const httpListenerName = 'http';
/** The ports of the Gateway's listeners, as clients reach them. */
export const gatewayListenerPorts = { https: 443, http: 80 } as const;
/** The Gateway of each environment namespace when none is configured. */
export const defaultGatewayName = 'public';

/** What {@link gatewaySpec} needs. */
export interface GatewaySpecArgs {
  /** The GatewayClass: Envoy Gateway's, or a cloud controller's. */
  readonly className: string;
  /** The environment's public domain; the HTTPS listener answers `*.<domain>`. */
  readonly domain: string;
  /** The Secret holding the listener's certificate (cert-manager writes it). */
  readonly certificateSecretName: string;
}

/**
 * A Gateway with two listeners: HTTPS for `*.<domain>`, TLS terminated with a certificate
 * cert-manager issues into `certificateSecretName`, and HTTP for the redirect to HTTPS.
 * Routes attach only from the Gateway's own namespace, the environment's.
 *
 * @example
 * gatewaySpec({ className: 'envoy-gateway', domain: 'dev.example.com', certificateSecretName: 'public-tls' });
 */
export function gatewaySpec(args: GatewaySpecArgs): Record<string, unknown> {
  const sameNamespace = { namespaces: { from: 'Same' } };
  return {
    gatewayClassName: args.className,
    listeners: [
      {
        name: httpsListenerName,
        protocol: 'HTTPS',
        port: gatewayListenerPorts.https,
        hostname: `*.${args.domain}`,
        tls: {
          mode: 'Terminate',
          certificateRefs: [{ group: '', kind: 'Secret', name: args.certificateSecretName }],
        },
        allowedRoutes: sameNamespace,
      },
      {
        name: httpListenerName,
        protocol: 'HTTP',
        port: gatewayListenerPorts.http,
        hostname: `*.${args.domain}`,
        allowedRoutes: sameNamespace,
      },
    ],
  };
}

/**
 * An HTTPRoute on the Gateway's HTTP listener that answers every request with a permanent
 * (301) redirect to the same URL over HTTPS, so plain HTTP never reaches a service.
 *
 * @example
 * httpsRedirectRouteSpec('public');
 */
export function httpsRedirectRouteSpec(gatewayName: string): Record<string, unknown> {
  return {
    parentRefs: [
      {
        group: 'gateway.networking.k8s.io',
        kind: 'Gateway',
        name: gatewayName,
        sectionName: httpListenerName,
      },
    ],
    rules: [
      {
        filters: [
          { type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } },
        ],
      },
    ],
  };
}

/**
 * The `Strict-Transport-Security` value of the HTTPS listener: browsers that saw it come back
 * only over HTTPS, to the domain and every name under it, for `hstsMaxAgeSeconds`.
 * @example hstsHeaderValue() // 'max-age=31536000; includeSubDomains'
 */
export function hstsHeaderValue(): string {
  return `max-age=${gatewayTrafficDefaults.hstsMaxAgeSeconds}; includeSubDomains`;
}

/**
 * Envoy Gateway's ClientTrafficPolicy on the HTTPS listener of a Gateway: TLS 1.2 at least,
 * HSTS on every response, the idle timeout of client connections and a bound on the time a
 * client takes to send its request headers (a slow-loris guard), from `gatewayTrafficDefaults`.
 * The HTTP listener only redirects, so it needs none of this (HSTS over plain HTTP is ignored).
 *
 * @example
 * clientTrafficPolicySpec('public').tls // { minVersion: '1.2' }
 */
export function clientTrafficPolicySpec(gatewayName: string): Record<string, unknown> {
  const defaults = gatewayTrafficDefaults;
  return {
    targetRefs: [
      {
        group: 'gateway.networking.k8s.io',
        kind: 'Gateway',
        name: gatewayName,
        sectionName: httpsListenerName,
      },
    ],
    tls: { minVersion: defaults.tlsMinimumVersion },
    timeout: {
      http: {
        idleTimeout: `${defaults.idleTimeoutSeconds}s`,
        requestHeadersReceivedTimeout: `${defaults.requestHeadersTimeoutSeconds}s`,
      },
    },
    headers: {
      lateResponseHeaders: {
        set: [{ name: 'Strict-Transport-Security', value: hstsHeaderValue() }],
      },
    },
  };
}

/**
 * Where Envoy Gateway runs a Gateway's proxies by default (the controller's namespace, not the
 * Gateway's) and the labels it puts on them (`gateway.envoyproxy.io/owning-gateway-*`, see
 * internal/gatewayapi/translator.go of the pinned release), so a service admits only those pods.
 *
 * @example
 * envoyDataPlane('envoy-gateway-system', 'public', 'slipway-dev');
 */
export function envoyDataPlane(
  controllerNamespace: string,
  gatewayName: string,
  gatewayNamespace: string,
): GatewayDataPlane {
  return {
    namespace: controllerNamespace,
    podLabels: {
      'gateway.envoyproxy.io/owning-gateway-name': gatewayName,
      'gateway.envoyproxy.io/owning-gateway-namespace': gatewayNamespace,
    },
  };
}
