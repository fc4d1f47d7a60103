import { describe, expect, it } from 'vitest';
import { type ServiceManifestInput, validateServiceManifest } from '@slipway/service-manifest';
import { egressPolicySpec, ingressPolicySpec } from './network-policy-specs.js';

function manifestOf(fields: Partial<ServiceManifestInput> = {}) {
  return validateServiceManifest(
    { name: 'storefront', port: 3010, ...fields },
    { file: 'apps/storefront/service.yaml', folder: 'storefront' },
  );
}

const gateway = { namespace: 'envoy-gateway-system', podLabels: { proxy: 'public' } };
const http = [{ port: 'http', protocol: 'TCP' }];

describe('ingressPolicySpec', () => {
  it("admits a public service's gateway proxies only: their namespace AND their labels, in one peer", () => {
    const spec = ingressPolicySpec({
      manifest: manifestOf({ public: true }),
      environment: 'dev',
      callees: [],
      gateway,
    });
    expect(spec.ingress).toEqual([
      {
        from: [
          {
            namespaceSelector: {
              matchLabels: { 'kubernetes.io/metadata.name': 'envoy-gateway-system' },
            },
            podSelector: { matchLabels: { proxy: 'public' } },
          },
        ],
        ports: http,
      },
    ]);
  });

  it('admits no gateway to an internal service, even when one is given', () => {
    const spec = ingressPolicySpec({
      manifest: manifestOf(),
      environment: 'dev',
      callees: [],
      gateway,
    });
    expect(spec.ingress).toEqual([]);
  });

  it('refuses a public service without a gateway rather than leaving it unreachable', () => {
    expect(() =>
      ingressPolicySpec({
        manifest: manifestOf({ public: true }),
        environment: 'dev',
        callees: [],
      }),
    ).toThrow('storefront is public but no gateway data plane was given');
  });
});

describe('egressPolicySpec', () => {
  it("allows the manifest's egress CIDRs on their ports, after DNS and the callees", () => {
    const manifest = manifestOf({
      egress: [{ name: 'postgres', cidr: '10.0.20.0/24', ports: [5432] }],
    });
    const spec = egressPolicySpec({
      manifest,
      environment: 'dev',
      callees: [{ name: 'orders', port: 3001 }],
    });
    const rules = spec.egress as readonly unknown[];
    expect(rules[2]).toEqual({
      to: [{ ipBlock: { cidr: '10.0.20.0/24' } }],
      ports: [{ port: 5432, protocol: 'TCP' }],
    });
    expect(rules).toHaveLength(3);
  });
});
