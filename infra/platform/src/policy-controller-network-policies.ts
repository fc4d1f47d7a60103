import type { AddonNetworkAccess } from './addon-network-policies.ts';
import {
  type AddonWorkload,
  internetEgress,
  policyFor,
  scraperIngress,
  tcp,
} from './network-policy-peers.ts';

// Pod labels of the policy-controller chart 0.10.8 (versions.ts), release `policy-controller`:
// templates/webhook/deployment_webhook.yaml labels its pods `control-plane: <fullname>-webhook`.
/** The admission webhook: the API server calls it for every pod in the environment namespaces. */
const policyControllerWebhook = {
  name: 'policy-controller-webhook',
  podLabels: { 'control-plane': 'policy-controller-webhook' },
} as const satisfies AddonWorkload;

/** The webhook's TLS port and its metrics port (the chart's container ports). */
const ports = { webhook: 8443, metrics: 9090 } as const;

/**
 * What the policy-controller namespace allows. The webhook: in on its TLS port from any source
 * (the API server calls it from addresses no selector names), the scraper on metrics; out to
 * the API server, and to the internet on 443 alone: the image registry (attestations are OCI
 * referrers there), Sigstore's TUF root, Fulcio and Rekor, and GitHub's trust root have no fixed
 * address range.
 * @example policyControllerNetworkAccess();
 */
export function policyControllerNetworkAccess(): AddonNetworkAccess {
  return {
    apiServerClients: [policyControllerWebhook],
    policies: [
      {
        name: `${policyControllerWebhook.name}-ingress`,
        spec: policyFor(policyControllerWebhook, {
          ingress: [{ ports: tcp(ports.webhook) }, scraperIngress(ports.metrics)],
        }),
      },
      {
        name: `${policyControllerWebhook.name}-egress`,
        spec: policyFor(policyControllerWebhook, { egress: [internetEgress(tcp(443))] }),
      },
    ],
  };
}
