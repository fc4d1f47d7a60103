// How the gateway guards a public service's route: Envoy Gateway's BackendTrafficPolicy.
import { gatewayTrafficDefaults } from '@slipway/platform-contract';
import type { ServiceManifest } from '@slipway/service-manifest';
import { gatewayApiGroup, type RouteRuleName, routeRuleNames } from './traffic-specs.ts';

/** The API version of Envoy Gateway's policies, whose schemas infra/policy stores. */
export const envoyGatewayPolicyApiVersion = 'gateway.envoyproxy.io/v1alpha1';

/** A service's gateway guard: the manifest's `traffic`, the rest from `gatewayTrafficDefaults`. */
export interface ResolvedTraffic {
  readonly requestTimeoutSeconds: number;
  readonly idleTimeoutSeconds: number;
  /** Resends of an idempotent request after a connect failure or reset. */
  readonly retries: number;
  readonly circuitBreaker: {
    readonly maxConnections: number;
    readonly maxPendingRequests: number;
    readonly maxParallelRequests: number;
  };
  /** Per client IP, per gateway proxy. */
  readonly rateLimit: { readonly requestsPerSecond: number };
}

/**
 * The gateway guard of a service: each field of the manifest's `traffic`, else the contract's
 * default. The default request timeout never exceeds `shutdown.maxRequestSeconds` (the schema
 * holds an explicit one to the same bound), so the gateway never waits on a request the
 * service has stopped serving.
 * @example resolveTraffic(storefront).rateLimit.requestsPerSecond // 100
 */
export function resolveTraffic(manifest: ServiceManifest): ResolvedTraffic {
  const { traffic } = manifest;
  const defaults = gatewayTrafficDefaults;
  return {
    requestTimeoutSeconds:
      traffic?.requestTimeoutSeconds ??
      Math.min(defaults.requestTimeoutSeconds, manifest.shutdown.maxRequestSeconds),
    idleTimeoutSeconds: defaults.idleTimeoutSeconds,
    retries: defaults.retries,
    circuitBreaker: { ...defaults.circuitBreaker, ...traffic?.circuitBreaker },
    rateLimit: { ...defaults.rateLimit, ...traffic?.rateLimit },
  };
}

/** Every address of one family, each address its own rate-limit bucket (`Distinct`). */
const everyClient = ['0.0.0.0/0', '::/0'] as const;

/** The retry triggers of idempotent requests: the service may or may not have seen them. */
const idempotentRetryTriggers = ['connect-failure', 'reset'] as const;

/** The `spec` of a BackendTrafficPolicy, as far as the platform sets it. */
export interface BackendTrafficPolicySpec {
  readonly targetRefs: readonly {
    readonly group: string;
    readonly kind: 'HTTPRoute';
    readonly name: string;
    readonly sectionName: RouteRuleName;
  }[];
  readonly timeout: {
    readonly http: { readonly requestTimeout: string; readonly connectionIdleTimeout: string };
  };
  readonly retry: {
    readonly numRetries: number;
    readonly retryOn?: { readonly triggers: readonly string[] };
  };
  readonly circuitBreaker: ResolvedTraffic['circuitBreaker'];
  readonly rateLimit: {
    readonly local: {
      readonly rules: readonly {
        readonly clientSelectors: readonly {
          readonly sourceCIDR: { readonly type: 'Distinct'; readonly value: string };
        }[];
        readonly limit: { readonly requests: number; readonly unit: 'Second' };
      }[];
    };
  };
}

/**
 * The BackendTrafficPolicy of one rule of a service's HTTPRoute (`sectionName`): request and
 * idle timeouts, a circuit breaker on the gateway's connections and requests to the service
 * (503 beyond), a local rate limit per client IP (429 beyond) and, for the idempotent rule
 * only, retries on connect failure or reset; every other method is never resent. A policy on
 * a rule replaces one on the route (no merging), so each rule gets a whole policy.
 * @example backendTrafficPolicySpec({ manifest: storefront, routeName: 'storefront', rule: 'idempotent' }).retry.numRetries // 2
 */
export function backendTrafficPolicySpec({
  manifest,
  routeName,
  rule,
}: {
  readonly manifest: ServiceManifest;
  readonly routeName: string;
  readonly rule: RouteRuleName;
}): BackendTrafficPolicySpec {
  const traffic = resolveTraffic(manifest);
  const retry =
    rule === routeRuleNames.idempotent
      ? { numRetries: traffic.retries, retryOn: { triggers: [...idempotentRetryTriggers] } }
      : { numRetries: 0 };
  return {
    targetRefs: [{ group: gatewayApiGroup, kind: 'HTTPRoute', name: routeName, sectionName: rule }],
    timeout: {
      http: {
        requestTimeout: `${traffic.requestTimeoutSeconds}s`,
        connectionIdleTimeout: `${traffic.idleTimeoutSeconds}s`,
      },
    },
    retry,
    circuitBreaker: { ...traffic.circuitBreaker },
    rateLimit: {
      local: {
        rules: everyClient.map((value) => ({
          clientSelectors: [{ sourceCIDR: { type: 'Distinct', value } }],
          limit: { requests: traffic.rateLimit.requestsPerSecond, unit: 'Second' },
        })),
      },
    },
  };
}
