/**
 * Where a pod's DNS queries go, on every cloud Slipway runs on: the one statement of it, which
 * the platform's add-on namespaces and the services' egress policies both allow.
 *
 * A pod's resolver is the kube-dns Service, but what answers depends on the cluster:
 * - CoreDNS pods labelled `k8s-app: kube-dns` in kube-system (EKS, GKE with kube-dns, AKS);
 * - NodeLocal DNSCache on each node at 169.254.20.10 (GKE Autopilot always, GKE Standard by
 *   default on recent versions, EKS where it is installed), and its `k8s-app: node-local-dns`
 *   pods where they run as ordinary pods (e.g. behind a Cilium local redirect policy);
 * - GKE's Cloud DNS, answered by the node's metadata server at 169.254.169.254;
 * - AKS LocalDNS on each node: 169.254.10.10 (VnetDNS) and 169.254.10.11 (KubeDNS).
 * A node-local address is not a pod, so only an ipBlock names it; on a cluster without that
 * cache the peer matches nothing. See docs/clusters/platform-namespaces.md.
 */

/** A NetworkPolicy egress rule, as plain data. */
export interface DnsEgressRule {
  readonly to: Readonly<Record<string, unknown>>[];
  readonly ports: { readonly port: number; readonly protocol: 'UDP' | 'TCP' }[];
}

/** Cluster DNS: the CoreDNS pods and the port every resolver listens on. */
export const clusterDns = {
  namespace: 'kube-system',
  podLabels: { 'k8s-app': 'kube-dns' },
  port: 53,
} as const;

/** NodeLocal DNSCache's pods, where they run as pods rather than on the host network. */
const nodeLocalDnsPodLabels = { 'k8s-app': 'node-local-dns' } as const;

/** The node-local resolvers' link-local addresses, by who answers there. */
const nodeLocalDnsAddresses = {
  /** NodeLocal DNSCache (GKE, EKS). */
  nodeLocalDnsCache: '169.254.20.10',
  /** GKE's metadata server, which answers DNS for Cloud DNS for GKE. */
  gkeMetadataServer: '169.254.169.254',
  /** AKS LocalDNS for `dnsPolicy: Default` and kubelet traffic. */
  aksLocalDnsVnet: '169.254.10.10',
  /** AKS LocalDNS for `dnsPolicy: ClusterFirst` traffic. */
  aksLocalDnsCluster: '169.254.10.11',
} as const;

/** The node-local resolvers as `/32` CIDRs, in the order the DNS rule lists them. */
export const nodeLocalDnsCidrs: readonly string[] = Object.values(nodeLocalDnsAddresses).map(
  (address) => `${address}/32`,
);

const inNamespace = (namespace: string) => ({
  matchLabels: { 'kubernetes.io/metadata.name': namespace },
});

/**
 * The egress rule that lets a pod resolve names on any of the clouds: port 53 over UDP and TCP
 * to the CoreDNS pods, the node-local-dns pods and the node-local resolvers' addresses.
 *
 * @example
 * const spec = { podSelector: {}, policyTypes: ['Egress'], egress: [clusterDnsEgressRule()] };
 */
export function clusterDnsEgressRule(): DnsEgressRule {
  return {
    to: [
      {
        namespaceSelector: inNamespace(clusterDns.namespace),
        podSelector: { matchLabels: { ...clusterDns.podLabels } },
      },
      {
        namespaceSelector: inNamespace(clusterDns.namespace),
        podSelector: { matchLabels: { ...nodeLocalDnsPodLabels } },
      },
      ...nodeLocalDnsCidrs.map((cidr) => ({ ipBlock: { cidr } })),
    ],
    ports: [
      { port: clusterDns.port, protocol: 'UDP' },
      { port: clusterDns.port, protocol: 'TCP' },
    ],
  };
}
