import type { ClusterCloud } from '@slipway/platform-contract';

/**
 * The node-local endpoints a pod's cloud SDK asks for credentials when workload identity binds
 * its ServiceAccount, per cloud, as egress rules:
 * - EKS Pod Identity: the Pod Identity agent on each node, 169.254.170.23:80;
 * - GKE Workload Identity Federation: the GKE metadata server at 169.254.169.254:80, which an
 *   iptables data plane (Dataplane V1) translates to 169.254.169.252:988 before policy applies;
 * - Azure workload identity: none; the SDK trades the projected token at Entra ID over 443,
 *   which the internet rule already allows, and never asks IMDS.
 *
 * @example
 * workloadIdentityEgress('aws'); // [{ to: [{ ipBlock: { cidr: '169.254.170.23/32' } }], ports: [{ port: 80, protocol: 'TCP' }] }]
 */
export function workloadIdentityEgress(cloud: ClusterCloud) {
  const rule = (cidr: string, port: number) => ({
    to: [{ ipBlock: { cidr } }],
    ports: [{ port, protocol: 'TCP' as const }],
  });
  switch (cloud) {
    case 'aws':
      return [rule('169.254.170.23/32', 80)];
    case 'gcp':
      return [rule('169.254.169.254/32', 80), rule('169.254.169.252/32', 988)];
    case 'azure':
      return [];
  }
}
