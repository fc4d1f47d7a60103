import { describe, expect, it } from 'vitest';
import { validateKubernetesObject } from '@slipway/infra-policy';
import { gatewayTrafficDefaults } from '@slipway/platform-contract';
import { clientTrafficPolicySpec, hstsHeaderValue } from './gateway-specs.ts';

const policy = (spec: Record<string, unknown>) => ({
  apiVersion: 'gateway.envoyproxy.io/v1alpha1',
  kind: 'ClientTrafficPolicy',
  metadata: { name: 'public-https', namespace: 'slipway-dev' },
  spec,
});

describe('clientTrafficPolicySpec', () => {
  const spec = clientTrafficPolicySpec('public');

  it("targets the Gateway's HTTPS listener only", () => {
    expect(spec.targetRefs).toEqual([
      { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'public', sectionName: 'https' },
    ]);
  });

  it('refuses TLS below 1.2', () => {
    expect(spec.tls).toEqual({ minVersion: '1.2' });
    expect(gatewayTrafficDefaults.tlsMinimumVersion).toBe('1.2');
  });

  it('sets HSTS with the contract max-age on every name under the domain', () => {
    expect(hstsHeaderValue()).toBe(
      `max-age=${gatewayTrafficDefaults.hstsMaxAgeSeconds}; includeSubDomains`,
    );
    expect(spec.headers).toEqual({
      lateResponseHeaders: {
        set: [{ name: 'Strict-Transport-Security', value: hstsHeaderValue() }],
      },
    });
  });

  it('closes idle client connections and clients slow to send their headers', () => {
    expect(spec.timeout).toEqual({
      http: {
        idleTimeout: `${gatewayTrafficDefaults.idleTimeoutSeconds}s`,
        requestHeadersReceivedTimeout: `${gatewayTrafficDefaults.requestHeadersTimeoutSeconds}s`,
      },
    });
  });

  it("validates against Envoy Gateway's published schema, which refuses a misspelled field", () => {
    expect(validateKubernetesObject(policy(spec))).toEqual([]);
    expect(validateKubernetesObject(policy({ ...spec, tls: { minimumVersion: '1.2' } }))).toEqual([
      expect.objectContaining({ path: '/spec/tls/minimumVersion' }),
    ]);
  });
});
