import { describe, expect, it } from 'vitest';
import {
  veleroNetworkAccess,
  veleroPods,
  veleroUpgradeCrdsJob,
} from './velero-network-policies.ts';

const spec = (provider: Parameters<typeof veleroNetworkAccess>[0], name: string) =>
  veleroNetworkAccess(provider).policies.find((policy) => policy.name === name)?.spec;

describe('veleroNetworkAccess', () => {
  it('admits only the scraper, on the metrics port', () => {
    expect(spec('aws', 'velero-ingress')).toEqual({
      podSelector: { matchLabels: veleroPods.podLabels },
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [
            { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } },
          ],
          ports: [{ port: 8085, protocol: 'TCP' }],
        },
      ],
    });
  });

  it("lets Velero out to the cloud's APIs on 443 alone and to the EKS Pod Identity agent", () => {
    expect(spec('aws', 'velero-egress')).toEqual({
      podSelector: { matchLabels: veleroPods.podLabels },
      policyTypes: ['Egress'],
      egress: [
        {
          to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['169.254.0.0/16'] } }],
          ports: [{ port: 443, protocol: 'TCP' }],
        },
        {
          to: [{ ipBlock: { cidr: '169.254.170.23/32' } }],
          ports: [{ port: 80, protocol: 'TCP' }],
        },
      ],
    });
  });

  it("opens GKE's metadata server on GCP and no node endpoint on Azure", () => {
    expect(JSON.stringify(spec('gcp', 'velero-egress'))).toContain('169.254.169.252/32');
    expect(JSON.stringify(spec('azure', 'velero-egress'))).not.toMatch(/169\.254\.1[67]/);
  });

  it('lets the server and its CRD upgrade job reach the API server', () => {
    expect(veleroNetworkAccess('aws').apiServerClients).toEqual([veleroPods, veleroUpgradeCrdsJob]);
  });
});
