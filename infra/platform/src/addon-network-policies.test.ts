import { describe, expect, it } from 'vitest';
import { addonNetworkPolicySpecs } from './addon-network-policies.ts';
import { clusterDnsEgressRule } from './cluster-dns.ts';

const apiServer = { addresses: ['10.0.0.5', '10.0.1.5'], port: 443 };
const ownPolicy = {
  name: 'thing-ingress',
  spec: { podSelector: { matchLabels: { app: 'thing' } }, policyTypes: ['Ingress'] },
};
const specs = addonNetworkPolicySpecs(
  { policies: [ownPolicy], apiServerClients: [{ name: 'thing', podLabels: { app: 'thing' } }] },
  apiServer,
);
const named = (name: string) => specs.find((policy) => policy.name === name)?.spec;

describe('addonNetworkPolicySpecs', () => {
  it('denies all ingress and egress of every pod first', () => {
    expect(specs[0]).toEqual({
      name: 'default-deny-all',
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    });
  });

  it('lets every pod resolve names through the one cluster DNS rule, nothing else', () => {
    expect(named('allow-cluster-dns')).toEqual({
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [clusterDnsEgressRule()],
    });
  });

  it("lets each API server client reach the API server's endpoints alone, on their port", () => {
    expect(named('thing-to-api-server')).toEqual({
      podSelector: { matchLabels: { app: 'thing' } },
      policyTypes: ['Egress'],
      egress: [
        {
          to: [{ ipBlock: { cidr: '10.0.0.5/32' } }, { ipBlock: { cidr: '10.0.1.5/32' } }],
          ports: [{ port: 443, protocol: 'TCP' }],
        },
      ],
    });
  });

  it("adds the add-on's own allows as given, and nothing more", () => {
    expect(specs.map((policy) => policy.name)).toEqual([
      'default-deny-all',
      'allow-cluster-dns',
      'thing-to-api-server',
      'thing-ingress',
    ]);
    expect(named('thing-ingress')).toBe(ownPolicy.spec);
  });
});
