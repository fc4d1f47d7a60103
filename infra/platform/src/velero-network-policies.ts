import type { AddonNetworkAccess } from './addon-network-policies.ts';
import type { BackupProvider } from './backup-provider.ts';
import {
  type AddonWorkload,
  internetEgress,
  policyFor,
  scraperIngress,
  tcp,
} from './network-policy-peers.ts';
import { workloadIdentityEgress } from './workload-identity-endpoints.ts';

// Pod labels of the velero chart 12.1.0 (versions.ts), release `velero`: the server's pod template
// (templates/deployment.yaml) carries the chart's name and the release. The CRD upgrade hook Job's
// pod template (templates/upgrade-crds/upgrade-crds.yaml) carries only `kubectl.labels`, which
// velero-values.ts sets to {@link veleroUpgradeCrdsJob}'s.

/** Velero's server. */
export const veleroPods = {
  name: 'velero',
  podLabels: { 'app.kubernetes.io/name': 'velero', 'app.kubernetes.io/instance': 'velero' },
} as const satisfies AddonWorkload;

/** The chart's pre-install Job that applies Velero's CRDs, by the labels the platform gives it. */
export const veleroUpgradeCrdsJob = {
  name: 'velero-upgrade-crds',
  podLabels: { 'app.kubernetes.io/component': 'velero-upgrade-crds' },
} as const satisfies AddonWorkload;

/** The server's metrics port (`http-monitoring`, chart value `metrics.enabled`). */
const metricsPort = 8085;

/**
 * What the velero namespace allows: the scraper in on metrics; Velero and its CRD upgrade Job out
 * to the API server; Velero to the internet on 443 (the bucket, the snapshot API and the token
 * exchange, whose addresses are the cloud's) and to its cloud's node credential endpoint.
 *
 * @example
 * veleroNetworkAccess('gcp');
 */
export function veleroNetworkAccess(provider: BackupProvider): AddonNetworkAccess {
  return {
    apiServerClients: [veleroPods, veleroUpgradeCrdsJob],
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
