import { describe, expect, it } from 'vitest';
import { workloadIdentityEgress } from './workload-identity-endpoints.ts';

describe('workloadIdentityEgress', () => {
  it("opens EKS Pod Identity's agent on each node: 169.254.170.23, port 80", () => {
    expect(workloadIdentityEgress('aws')).toEqual([
      { to: [{ ipBlock: { cidr: '169.254.170.23/32' } }], ports: [{ port: 80, protocol: 'TCP' }] },
    ]);
  });

  it("opens GKE's metadata server on 80 and, translated by an iptables data plane, 169.254.169.252:988", () => {
    expect(workloadIdentityEgress('gcp')).toEqual([
      { to: [{ ipBlock: { cidr: '169.254.169.254/32' } }], ports: [{ port: 80, protocol: 'TCP' }] },
      {
        to: [{ ipBlock: { cidr: '169.254.169.252/32' } }],
        ports: [{ port: 988, protocol: 'TCP' }],
      },
    ]);
  });

  it('opens no node endpoint on Azure: the federated token goes to Entra ID over 443, never IMDS', () => {
    expect(workloadIdentityEgress('azure')).toEqual([]);
  });
});
