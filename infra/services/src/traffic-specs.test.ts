import { describe, expect, it } from 'vitest';
import { metricsEndpoint } from '@slipway/platform-contract';
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
    expect(spec.rules[0]?.matches).toEqual([{ path: { type: 'PathPrefix', value: '/' } }]);
    expect(spec.rules[0]?.backendRefs).toEqual([{ name: 'storefront', port: 3010 }]);
  });

  it.each([
    [30, '30s'],
    [120, '120s'],
    [600, '600s'],
  ])('times a request out after shutdown.maxRequestSeconds = %i, as %s', (seconds, duration) => {
    const manifest = manifestOf({ shutdown: { drainSeconds: 5, maxRequestSeconds: seconds } });
    const spec = httpRouteSpec({ manifest, host: 'shop.example.com', parentRef });
    expect(spec.rules[0]?.timeouts).toEqual({ request: duration });
    // Gateway API's Duration: at most five digits per unit.
    expect(duration).toMatch(/^([0-9]{1,5}(h|m|s|ms)){1,4}$/);
  });
});
