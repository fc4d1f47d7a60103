import { describe, expect, it } from 'vitest';
import { metricsEndpoint, requestDeadlineHeader } from '@slipway/platform-contract';
import { type ServiceManifestInput, validateServiceManifest } from '@slipway/service-manifest';
import { httpRouteSpec, serviceSpec } from './traffic-specs.ts';

function manifestOf(fields: Partial<ServiceManifestInput> = {}) {
  return validateServiceManifest(
    { name: 'storefront', port: 3010, public: true, ...fields },
    { file: 'apps/storefront/service.yaml', folder: 'storefront' },
  );
}

const parentRef = { name: 'public', namespace: 'slipway-dev', sectionName: 'https' };

describe('serviceSpec', () => {
  it('is a ClusterIP Service on the manifest port, to the named port http of the pods', () => {
    expect(serviceSpec(manifestOf(), 'dev')).toEqual({
      type: 'ClusterIP',
      selector: {
        'app.kubernetes.io/name': 'storefront',
        'app.kubernetes.io/instance': 'storefront-dev',
      },
      ports: [{ name: 'http', port: 3010, targetPort: 'http', protocol: 'TCP' }],
    });
  });
});

describe('httpRouteSpec', () => {
  it("sends traffic to the Service's http port, never to the metrics port", () => {
    const manifest = manifestOf();
    const [backend] = httpRouteSpec({
      manifest,
      host: 'shop.example.com',
      parentRef,
    }).rules.flatMap((rule) => rule.backendRefs);
    const ports: { port: number; targetPort: string }[] = JSON.parse(
      JSON.stringify(serviceSpec(manifest, 'dev').ports),
    );
    const port = ports.find((p) => p.port === backend?.port);
    expect(port?.targetPort).toBe('http');
    expect(backend?.port).not.toBe(metricsEndpoint.port);
  });

  it('attaches the host to the Gateway listener and sends every path to the Service port', () => {
    const spec = httpRouteSpec({ manifest: manifestOf(), host: 'shop.example.com', parentRef });
    expect(spec.parentRefs).toEqual([
      { group: 'gateway.networking.k8s.io', kind: 'Gateway', ...parentRef },
    ]);
    expect(spec.hostnames).toEqual(['shop.example.com']);
    for (const rule of spec.rules) {
      expect(rule.backendRefs).toEqual([{ name: 'storefront', port: 3010 }]);
      for (const match of rule.matches)
        expect(match.path).toEqual({ type: 'PathPrefix', value: '/' });
    }
  });

  it('puts the idempotent methods in their own rule and every other method in the other', () => {
    const spec = httpRouteSpec({ manifest: manifestOf(), host: 'shop.example.com', parentRef });
    const [idempotent, other] = spec.rules;
    expect(idempotent?.name).toBe('idempotent');
    expect(idempotent?.matches.map((match) => match.method)).toEqual([
      'GET',
      'HEAD',
      'PUT',
      'DELETE',
      'OPTIONS',
    ]);
    // No method: POST, PATCH and the rest land here (a method match wins over none).
    expect(other).toMatchObject({ name: 'other', matches: [{ path: { value: '/' } }] });
    expect(other?.matches[0]).not.toHaveProperty('method');
  });

  it("drops the deadline header from the internet's requests in every rule: only services set it", () => {
    const spec = httpRouteSpec({ manifest: manifestOf(), host: 'shop.example.com', parentRef });
    for (const rule of spec.rules)
      expect(rule.filters).toContainEqual({
        type: 'RequestHeaderModifier',
        requestHeaderModifier: { remove: [requestDeadlineHeader] },
      });
  });

  it('sets no timeout of its own: it would override the traffic policy', () => {
    const spec = httpRouteSpec({ manifest: manifestOf(), host: 'shop.example.com', parentRef });
    for (const rule of spec.rules) expect(rule).not.toHaveProperty('timeouts');
  });
});
