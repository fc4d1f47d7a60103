import {
  azureBuiltInRoles,
  type IdentityGrant,
  type WorkloadIdentity,
} from '@slipway/infra-workload-identity';
import type { Dns01Settings } from './acme-solvers.ts';
import { fail } from './stack-config-error.ts';

/** The cloud each DNS-01 provider belongs to. */
const dnsCloud = {
  route53: 'aws',
  cloudDNS: 'gcp',
  azureDNS: 'azure',
} as const satisfies Record<Dns01Settings['provider'], WorkloadIdentity['cloud']>;

/** The Route 53 actions cert-manager's DNS-01 solver documents, on one zone or on every zone. */
function route53Policy(hostedZoneID: string | undefined): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 'route53:GetChange', Resource: 'arn:aws:route53:::change/*' },
      {
        Effect: 'Allow',
        Action: ['route53:ChangeResourceRecordSets', 'route53:ListResourceRecordSets'],
        Resource: `arn:aws:route53:::hostedzone/${hostedZoneID ?? '*'}`,
      },
      { Effect: 'Allow', Action: 'route53:ListHostedZonesByName', Resource: '*' },
    ],
  });
}

/**
 * The permissions cert-manager's identity needs to answer DNS-01 challenges, by name: Route 53
 * changes on the hosted zone (every zone when `hostedZoneID` is unset), `roles/dns.admin` on the
 * DNS project, or DNS Zone Contributor on the Azure zone.
 * @throws PlatformStackConfigError when the DNS provider is not in the cluster's cloud.
 * @example certManagerGrants(identity, { provider: 'cloudDNS', project: 'acme-dns' })
 */
export function certManagerGrants(
  identity: WorkloadIdentity,
  dns01: Dns01Settings,
): Record<string, IdentityGrant> {
  if (dnsCloud[dns01.provider] !== identity.cloud) {
    fail(
      'certManager.dns01.provider',
      `is ${dns01.provider}, but the cluster stack's cluster runs on ${identity.cloud}: use the DNS of the cluster's cloud, which cert-manager's identity can be granted`,
    );
  }
  switch (dns01.provider) {
    case 'route53':
      return { dns: { cloud: 'aws', policy: route53Policy(dns01.hostedZoneID) } };
    case 'cloudDNS':
      return { dns: { cloud: 'gcp', role: 'roles/dns.admin', project: dns01.project } };
    case 'azureDNS':
      return {
        dns: {
          cloud: 'azure',
          role: azureBuiltInRoles.dnsZoneContributor,
          scope: `/subscriptions/${dns01.subscriptionID}/resourceGroups/${dns01.resourceGroupName}/providers/Microsoft.Network/dnszones/${dns01.hostedZoneName}`,
        },
      };
  }
}
