import { describe, expect, it } from 'vitest';
import { gatewayTrafficDefaults } from '@slipway/platform-contract';
import { type ServiceManifestInput, validateServiceManifest } from '@slipway/service-manifest';
import { backendTrafficPolicySpec, resolveTraffic } from './traffic-policy-specs.ts';

function manifestOf(fields: Partial<ServiceManifestInput> = {}) {
  return validateServiceManifest(
    { name: 'storefront', port: 3010, public: true, ...fields },
    { file: 'apps/storefront/service.yaml', folder: 'storefront' },
  );
}

const policyOf = (rule: 'idempotent' | 'other', fields: Partial<ServiceManifestInput> = {}) =>
  backendTrafficPolicySpec({ manifest: manifestOf(fields), routeName: 'storefront', rule });

describe('backendTrafficPolicySpec', () => {
  it('targets its rule of the HTTPRoute by name', () => {
    expect(policyOf('other').targetRefs).toEqual([
      {
        group: 'gateway.networking.k8s.io',
        kind: 'HTTPRoute',
        name: 'storefront',
        sectionName: 'other',
      },
    ]);
  });

  it("times requests and idle connections out at the contract's defaults", () => {
    expect(policyOf('idempotent').timeout).toEqual({
      http: {
        requestTimeout: `${gatewayTrafficDefaults.requestTimeoutSeconds}s`,
        connectionIdleTimeout: `${gatewayTrafficDefaults.idleTimeoutSeconds}s`,
      },
    });
  });

  it('resends idempotent requests after a connect failure or reset, and nothing else', () => {
    expect(policyOf('idempotent').retry).toEqual({
      numRetries: gatewayTrafficDefaults.retries,
      retryOn: { triggers: ['connect-failure', 'reset'] },
    });
    // A POST the service may have seen is never sent twice.
    expect(policyOf('other').retry).toEqual({ numRetries: 0 });
  });

  it('bounds connections, queued and parallel requests with a circuit breaker', () => {
    expect(policyOf('other').circuitBreaker).toEqual(gatewayTrafficDefaults.circuitBreaker);
  });

  it('limits each client IP, IPv4 and IPv6, to its own bucket of requests per second', () => {
    const { requestsPerSecond } = gatewayTrafficDefaults.rateLimit;
    expect(policyOf('idempotent').rateLimit).toEqual({
      local: {
        rules: ['0.0.0.0/0', '::/0'].map((value) => ({
          clientSelectors: [{ sourceCIDR: { type: 'Distinct', value } }],
          limit: { requests: requestsPerSecond, unit: 'Second' },
        })),
      },
    });
  });

  it("takes the manifest's traffic over the defaults, field by field", () => {
    const spec = policyOf('other', {
      shutdown: { maxRequestSeconds: 120 },
      traffic: {
        requestTimeoutSeconds: 90,
        rateLimit: { requestsPerSecond: 7 },
        circuitBreaker: { maxPendingRequests: 16 },
      },
    });
    expect(spec.timeout.http.requestTimeout).toBe('90s');
    expect(spec.rateLimit.local.rules.map((rule) => rule.limit.requests)).toEqual([7, 7]);
    expect(spec.circuitBreaker).toEqual({
      ...gatewayTrafficDefaults.circuitBreaker,
      maxPendingRequests: 16,
    });
  });
});

describe('resolveTraffic', () => {
  it('never waits longer by default than the service may work on a request', () => {
    const short = manifestOf({ shutdown: { maxRequestSeconds: 5 } });
    expect(resolveTraffic(short).requestTimeoutSeconds).toBe(5);
    const long = manifestOf({ shutdown: { maxRequestSeconds: 300 } });
    expect(resolveTraffic(long).requestTimeoutSeconds).toBe(
      gatewayTrafficDefaults.requestTimeoutSeconds,
    );
  });

  it('writes durations as Gateway API and Envoy Gateway read them', () => {
    const { timeout } = policyOf('idempotent', {
      shutdown: { maxRequestSeconds: 600 },
      traffic: { requestTimeoutSeconds: 600 },
    });
    for (const duration of Object.values(timeout.http))
      expect(duration).toMatch(/^([0-9]{1,5}(h|m|s|ms)){1,4}$/);
  });
});
