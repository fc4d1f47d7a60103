import type { ClusterCloud } from '@slipway/platform-contract';
import type { Dns01Settings } from './acme-solvers.ts';
import type { AddonNetworkAccess } from './addon-network-policies.ts';
import {
  type AddonWorkload,
  internetEgress,
  policyFor,
  scraperIngress,
  tcp,
} from './network-policy-peers.ts';
import { workloadIdentityEgress } from './workload-identity-endpoints.ts';

// Pod labels of the cert-manager chart v1.21.2 (versions.ts), release `cert-manager`: every
// Deployment and Job template sets `app.kubernetes.io/instance` to the release and
// `app.kubernetes.io/component` to `controller`, `webhook`, `cainjector` or `startupapicheck`
// (templates/*-deployment.yaml, startupapicheck-job.yaml).
const release = 'cert-manager';
const component = (name: string) => ({
  name: `cert-manager-${name}`,
  podLabels: { 'app.kubernetes.io/instance': release, 'app.kubernetes.io/component': name },
});

/** The controller: ACME orders, DNS-01 records, Certificates. */
export const certManagerController = component('controller') satisfies AddonWorkload;
/** The admission webhook the API server calls for cert-manager's kinds. */
export const certManagerWebhook = component('webhook') satisfies AddonWorkload;
/** The CA injector. */
export const certManagerCainjector = component('cainjector') satisfies AddonWorkload;
/** Every pod of the release, its post-install API check included. */
const certManagerPods = {
  name: 'cert-manager',
  podLabels: { 'app.kubernetes.io/instance': release },
} as const satisfies AddonWorkload;

/** The webhook's TLS port (chart value `webhook.securePort`) and every component's metrics port. */
const ports = { webhook: 10250, metrics: 9402 } as const;

/** The cloud whose workload identity the DNS-01 solver's credentials come from. */
const cloudOfDns01: Record<Dns01Settings['provider'], ClusterCloud> = {
  route53: 'aws',
  cloudDNS: 'gcp',
  azureDNS: 'azure',
};

/**
 * What the cert-manager namespace allows. Every pod out to the API server. The webhook: in on
 * its TLS port from any source (the API server calls it from addresses no selector names: EKS's
 * control-plane interfaces, GKE's control-plane range, AKS's konnectivity agents), the scraper
 * on metrics, like the controller and cainjector. The controller out to the internet on 443
 * (the ACME directory, the DNS provider's API, the token exchange) and on 53 (DNS-01 self-checks
 * ask the zone's authoritative servers directly), and to the node's credential endpoint.
 *
 * @example
 * certManagerNetworkAccess('route53');
 */
export function certManagerNetworkAccess(
  dns01Provider: Dns01Settings['provider'],
): AddonNetworkAccess {
  return {
    apiServerClients: [certManagerPods],
    policies: [
      {
        name: `${certManagerController.name}-ingress`,
        spec: policyFor(certManagerController, { ingress: [scraperIngress(ports.metrics)] }),
      },
      {
        name: `${certManagerController.name}-egress`,
        spec: policyFor(certManagerController, {
          egress: [
            internetEgress(tcp(443)),
            internetEgress([
              { port: 53, protocol: 'UDP' },
              { port: 53, protocol: 'TCP' },
            ]),
            ...workloadIdentityEgress(cloudOfDns01[dns01Provider]),
          ],
        }),
      },
      {
        name: `${certManagerWebhook.name}-ingress`,
        spec: policyFor(certManagerWebhook, {
          ingress: [{ ports: tcp(ports.webhook) }, scraperIngress(ports.metrics)],
        }),
      },
      {
        name: `${certManagerCainjector.name}-ingress`,
        spec: policyFor(certManagerCainjector, { ingress: [scraperIngress(ports.metrics)] }),
      },
    ],
  };
}
