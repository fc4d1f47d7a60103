import type { AddonNetworkAccess } from './addon-network-policies.ts';
import {
  type AddonWorkload,
  internetEgress,
  policyFor,
  scraperIngress,
  tcp,
} from './network-policy-peers.ts';
import type { BackupProvider } from './velero-values.ts';
import { workloadIdentityEgress } from './workload-identity-endpoints.ts';

// Pod labels of the velero chart 12.1.0 (versions.ts), release `velero`: the server's pod template
// (templates/deployment.yaml) and the CRD upgrade hook Job both carry the chart name and release.

/** Velero's server and the chart's CRD upgrade Job. */
export const veleroPods = {
  name: 'velero',
  podLabels: { 'app.kubernetes.io/name': 'velero', 'app.kubernetes.io/instance': 'velero' },
} as const satisfies AddonWorkload;

/** The server's metrics port (`http-monitoring`, chart value `metrics.enabled`). */
const metricsPort = 8085;

/**
 * What the velero namespace allows: the scraper in on metrics; Velero out to the API server,
 * to the internet on 443 (the bucket, the snapshot API and the token exchange, whose addresses
 * are the cloud's) and to the node's credential endpoint of its cloud's workload identity.
 *
 * @example
 * veleroNetworkAccess('gcp');
 */
export function veleroNetworkAccess(provider: BackupProvider): AddonNetworkAccess {
  return {
    apiServerClients: [veleroPods],
    policies: [
      {
        name: `${veleroPods.name}-ingress`,
        spec: policyFor(veleroPods, { ingress: [scraperIngress(metricsPort)] }),
      },
      {
        name: `${veleroPods.name}-egress`,
        spec: policyFor(veleroPods, {
          egress: [internetEgress(tcp(443)), ...workloadIdentityEgress(provider)],
        }),
      },
    ],
  };
}
