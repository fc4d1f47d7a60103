/** The DNS services cert-manager's DNS-01 solver can write challenge records to, one per cloud. */
export const dns01Providers = ['route53', 'cloudDNS', 'azureDNS'] as const;

/**
 * Where and how DNS-01 challenge records are written. Credentials always come from workload
 * identity bound to cert-manager's ServiceAccount (`serviceAccountAnnotations`), never a key.
 */
export type Dns01Settings =
  | {
      readonly provider: 'route53';
      /** AWS region of the Route 53 API calls, e.g. `eu-west-1`. */
      readonly region: string;
      /** The hosted zone; found from the domain when absent. */
      readonly hostedZoneID?: string;
    }
  | {
      readonly provider: 'cloudDNS';
      /** The GCP project holding the managed zone. */
      readonly project: string;
    }
  | {
      readonly provider: 'azureDNS';
      readonly subscriptionID: string;
      readonly resourceGroupName: string;
      readonly hostedZoneName: string;
      /** Client id of the user-assigned identity; default: the one the workload identity webhook injects. */
      readonly managedIdentityClientID?: string;
    };

/**
 * The ACME solver of the ClusterIssuer: DNS-01 against the cloud's DNS, the only challenge a
 * wildcard certificate (`*.<domain>`, what each environment's Gateway serves) can use.
 *
 * @example
 * dns01Solver({ provider: 'route53', region: 'eu-west-1' }); // { dns01: { route53: { region: 'eu-west-1' } } }
 */
export function dns01Solver(settings: Dns01Settings): Record<string, unknown> {
  switch (settings.provider) {
    case 'route53':
      return {
        dns01: {
          route53: {
            region: settings.region,
            ...(settings.hostedZoneID ? { hostedZoneID: settings.hostedZoneID } : {}),
          },
        },
      };
    case 'cloudDNS':
      return { dns01: { cloudDNS: { project: settings.project } } };
    case 'azureDNS':
      return {
        dns01: {
          azureDNS: {
            subscriptionID: settings.subscriptionID,
            resourceGroupName: settings.resourceGroupName,
            hostedZoneName: settings.hostedZoneName,
            environment: 'AzurePublicCloud',
            managedIdentity: settings.managedIdentityClientID
              ? { clientID: settings.managedIdentityClientID }
              : {},
          },
        },
      };
  }
}
