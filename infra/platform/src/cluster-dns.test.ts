import { describe, expect, it } from 'vitest';
import { clusterDns, clusterDnsEgressRule, nodeLocalDnsCidrs } from './cluster-dns.ts';

const kubeSystem = { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } };

describe('clusterDnsEgressRule', () => {
  const rule = clusterDnsEgressRule();

  it('opens port 53 over UDP and TCP, nothing else', () => {
    expect(rule.ports).toEqual([
      { port: 53, protocol: 'UDP' },
      { port: 53, protocol: 'TCP' },
    ]);
  });

  it("reaches CoreDNS and NodeLocal DNSCache's pods in kube-system only: namespace AND labels in one peer", () => {
    expect(rule.to.slice(0, 2)).toEqual([
      { namespaceSelector: kubeSystem, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } },
      {
        namespaceSelector: kubeSystem,
        podSelector: { matchLabels: { 'k8s-app': 'node-local-dns' } },
      },
    ]);
  });

  it.each([
    ['NodeLocal DNSCache (GKE, EKS)', '169.254.20.10/32'],
    ["GKE's metadata server (Cloud DNS)", '169.254.169.254/32'],
    ['AKS LocalDNS, VnetDNS', '169.254.10.10/32'],
    ['AKS LocalDNS, KubeDNS', '169.254.10.11/32'],
  ])('reaches the node-local resolver of %s at %s, one address wide', (_, cidr) => {
    expect(rule.to).toContainEqual({ ipBlock: { cidr } });
  });

  it('names no other address: every ipBlock is a node-local resolver', () => {
    const blocks = rule.to.filter((peer) => 'ipBlock' in peer);
    expect(blocks).toEqual(nodeLocalDnsCidrs.map((cidr) => ({ ipBlock: { cidr } })));
    expect(clusterDns.port).toBe(53);
  });
});
