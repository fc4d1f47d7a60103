import { describe, expect, it } from 'vitest';
import { clusterDnsEgressRule } from '@slipway/infra-platform/outputs';
import { type ServiceManifestInput, validateServiceManifest } from '@slipway/service-manifest';
import { egressPolicySpec, ingressPolicySpec } from './network-policy-specs.ts';

function manifestOf(fields: Partial<ServiceManifestInput> = {}) {
  return validateServiceManifest(
    { name: 'storefront', port: 3010, ...fields },
    { file: 'apps/storefront/service.yaml', folder: 'storefront' },
  );
}

const gateway = { namespace: 'envoy-gateway-system', podLabels: { proxy: 'public' } };
const http = [{ port: 'http', protocol: 'TCP' }];
interface IngressRule {
  readonly from?: readonly unknown[];
  readonly ports?: readonly unknown[];
}
const scraper = {
  from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
  ports: [{ port: 'metrics', protocol: 'TCP' }],
};

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
      scraper,
    ]);
  });

  it("admits the gateway's proxies and the callers on the http port only, never the metrics port", () => {
    const spec = ingressPolicySpec({
      manifest: manifestOf({ public: true, calledBy: ['checkout'] }),
      environment: 'dev',
      callees: [],
      gateway,
    });
    // The spec is plain data: read it as such.
    const rules: IngressRule[] = JSON.parse(JSON.stringify(spec.ingress));
    const [callerRule, gatewayRule, ...rest] = rules;
    expect(callerRule?.from).toEqual([
      {
        podSelector: {
          matchLabels: expect.objectContaining({ 'app.kubernetes.io/name': 'checkout' }),
        },
      },
    ]);
    expect(callerRule?.ports).toEqual(http);
    expect(JSON.stringify(gatewayRule?.from)).toContain('envoy-gateway-system');
    expect(gatewayRule?.ports).toEqual(http);
    // The metrics port is the scraper's alone: the one other rule, admitting one namespace.
    expect(rest).toEqual([scraper]);
  });

  it('admits no gateway to an internal service, even when one is given: the scraper only', () => {
    const spec = ingressPolicySpec({
      manifest: manifestOf(),
      environment: 'dev',
      callees: [],
      gateway,
    });
    expect(spec.ingress).toEqual([scraper]);
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

  it("resolves names through the platform's cluster DNS destinations: CoreDNS and each cloud's node-local cache", () => {
    const spec = egressPolicySpec({ manifest: manifestOf(), environment: 'dev', callees: [] });
    const [dns] = spec.egress as readonly unknown[];
    expect(dns).toEqual(clusterDnsEgressRule());
    expect(dns).toMatchObject({
      to: expect.arrayContaining([
        {
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
          podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
        },
        { ipBlock: { cidr: '169.254.20.10/32' } },
        { ipBlock: { cidr: '169.254.10.11/32' } },
      ]),
      ports: [
        { port: 53, protocol: 'UDP' },
        { port: 53, protocol: 'TCP' },
      ],
    });
  });
});

describe('egressPolicySpec and the collector', () => {
  const monitoring = {
    namespace: 'monitoring',
    collectorPodLabels: { 'app.kubernetes.io/name': 'opentelemetry-collector' },
  };

  it("opens the collector's pods (namespace AND labels, in one peer) on OTLP/HTTP alone, last", () => {
    const spec = egressPolicySpec({
      manifest: manifestOf(),
      environment: 'dev',
      callees: [],
      monitoring,
    });
    const rules = spec.egress as unknown[];
    expect(rules.at(-1)).toEqual({
      to: [
        {
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } },
          podSelector: { matchLabels: { 'app.kubernetes.io/name': 'opentelemetry-collector' } },
        },
      ],
      ports: [{ port: 4318, protocol: 'TCP' }],
    });
  });

  it('opens nothing to the collector without monitoring', () => {
    const spec = egressPolicySpec({ manifest: manifestOf(), environment: 'dev', callees: [] });
    expect(spec.egress).toEqual([clusterDnsEgressRule()]);
  });
});
