import { describe, expect, it } from 'vitest';
import {
  certManagerCainjector,
  certManagerController,
  certManagerNetworkAccess,
  certManagerWebhook,
} from './cert-manager-network-policies.ts';

const monitoring = {
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } },
};
const internet = [{ ipBlock: { cidr: '0.0.0.0/0', except: ['169.254.0.0/16'] } }];
const specOf = (access: ReturnType<typeof certManagerNetworkAccess>, name: string) =>
  access.policies.find((policy) => policy.name === name)?.spec;

describe('certManagerNetworkAccess', () => {
  const access = certManagerNetworkAccess('route53');
  const spec = (name: string) => specOf(access, name);

  it('admits any source to the webhook on its TLS port (the API server), the scraper to metrics', () => {
    expect(spec('cert-manager-webhook-ingress')).toEqual({
      podSelector: { matchLabels: certManagerWebhook.podLabels },
      policyTypes: ['Ingress'],
      ingress: [
        { ports: [{ port: 10250, protocol: 'TCP' }] },
        { from: [monitoring], ports: [{ port: 9402, protocol: 'TCP' }] },
      ],
    });
  });

  it.each([
    ['cert-manager-controller-ingress', certManagerController],
    ['cert-manager-cainjector-ingress', certManagerCainjector],
  ])('admits only the scraper to %s, on the metrics port', (name, workload) => {
    expect(spec(name)).toEqual({
      podSelector: { matchLabels: workload.podLabels },
      policyTypes: ['Ingress'],
      ingress: [{ from: [monitoring], ports: [{ port: 9402, protocol: 'TCP' }] }],
    });
  });

  it('lets the controller out to the internet on 443 and 53 (ACME, the DNS API, DNS-01 self-checks) and to the Pod Identity agent', () => {
    expect(spec('cert-manager-controller-egress')).toEqual({
      podSelector: { matchLabels: certManagerController.podLabels },
      policyTypes: ['Egress'],
      egress: [
        { to: internet, ports: [{ port: 443, protocol: 'TCP' }] },
        {
          to: internet,
          ports: [
            { port: 53, protocol: 'UDP' },
            { port: 53, protocol: 'TCP' },
          ],
        },
        {
          to: [{ ipBlock: { cidr: '169.254.170.23/32' } }],
          ports: [{ port: 80, protocol: 'TCP' }],
        },
      ],
    });
  });

  it("opens the credential endpoint of the DNS provider's cloud: GKE's metadata server for Cloud DNS, none for Azure DNS", () => {
    const gcp = JSON.stringify(
      specOf(certManagerNetworkAccess('cloudDNS'), 'cert-manager-controller-egress'),
    );
    expect(gcp).toContain('169.254.169.254/32');
    expect(gcp).not.toContain('169.254.170.23');
    const azure = JSON.stringify(
      specOf(certManagerNetworkAccess('azureDNS'), 'cert-manager-controller-egress'),
    );
    expect(azure).not.toMatch(/169\.254\.1[67]/);
  });

  it('lets every pod of the release reach the API server', () => {
    expect(access.apiServerClients).toEqual([
      { name: 'cert-manager', podLabels: { 'app.kubernetes.io/instance': 'cert-manager' } },
    ]);
  });
});
