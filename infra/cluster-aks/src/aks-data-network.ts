import * as network from '@pulumi/azure-native/network/index.js';
import * as privatedns from '@pulumi/azure-native/privatedns/index.js';
import * as pulumi from '@pulumi/pulumi';
import type { DataNetwork } from '@slipway/infra-workload-identity';

/**
 * Where the managed data services go in the cluster's virtual network (10.0.0.0/16): after the
 * node subnet (10.0.0.0/20) and the API server subnet (10.0.16.0/28). A /24 holds one address per
 * PostgreSQL server (two with high availability) and per private endpoint, for far more services
 * than a cluster runs.
 */
const aksDataAddresses = {
  postgresSubnet: '10.0.20.0/24',
  privateEndpointSubnet: '10.0.21.0/24',
} as const;

/**
 * The private DNS zones the data services' names resolve in, inside the virtual network:
 * PostgreSQL flexible server's (any zone ending in `.postgres.database.azure.com`; this is the one
 * its private endpoints use too) and Azure Managed Redis's private endpoint zone.
 */
const dnsZones = {
  postgres: 'privatelink.postgres.database.azure.com',
  cache: 'privatelink.redis.azure.net',
} as const;

/** The data network as this cluster program exports it: the `azure` variant. */
export type AksDataNetwork = Extract<DataNetwork, { cloud: 'azure' }>;

/** What {@link aksDataNetwork} needs. */
export interface AksDataNetworkArgs {
  readonly resourceGroupName: pulumi.Input<string>;
  readonly location: string;
  readonly vnetId: pulumi.Input<string>;
  readonly vnetName: pulumi.Input<string>;
  /** The subnet created last: Azure takes one subnet operation at a time per virtual network. */
  readonly after: pulumi.Resource;
}

/**
 * The data network of the cluster's virtual network, as the services program's data services
 * need it: a subnet delegated to PostgreSQL flexible servers (which are injected into it), a
 * subnet for private endpoints (Azure Managed Redis's), and each one's private DNS zone linked to
 * the virtual network, so pods resolve the servers' names to private addresses.
 *
 * @example const data = aksDataNetwork('slipway', { resourceGroupName, location, vnetId, vnetName, after: nodeSubnet }, this);
 */
export function aksDataNetwork(
  name: string,
  args: AksDataNetworkArgs,
  parent: pulumi.Resource,
): pulumi.Output<AksDataNetwork> {
  const inVnet = { resourceGroupName: args.resourceGroupName, virtualNetworkName: args.vnetName };
  const postgresSubnet = new network.Subnet(
    `${name}-postgres`,
    {
      ...inVnet,
      addressPrefix: aksDataAddresses.postgresSubnet,
      delegations: [{ name: 'postgres', serviceName: 'Microsoft.DBforPostgreSQL/flexibleServers' }],
    },
    { parent, dependsOn: [args.after] },
  );
  const privateEndpointSubnet = new network.Subnet(
    `${name}-private-endpoints`,
    { ...inVnet, addressPrefix: aksDataAddresses.privateEndpointSubnet },
    { parent, dependsOn: [postgresSubnet] },
  );
  const [postgresZone, cacheZone] = [dnsZones.postgres, dnsZones.cache].map((zoneName) =>
    linkedZone(name, zoneName, args, parent),
  ) as [privatedns.PrivateZone, privatedns.PrivateZone];
  return pulumi
    .all([
      args.resourceGroupName,
      postgresSubnet.id,
      postgresZone.id,
      privateEndpointSubnet.id,
      cacheZone.id,
    ])
    .apply(
      ([
        resourceGroupName,
        postgresSubnetId,
        postgresDnsZoneId,
        privateEndpointSubnetId,
        cacheDnsZoneId,
      ]) => ({
        cloud: 'azure' as const,
        resourceGroupName,
        location: args.location,
        postgresSubnetId,
        postgresSubnetCidr: aksDataAddresses.postgresSubnet,
        postgresDnsZoneId,
        privateEndpointSubnetId,
        privateEndpointSubnetCidr: aksDataAddresses.privateEndpointSubnet,
        cacheDnsZoneId,
      }),
    );
}

// A private DNS zone is global; the link makes the virtual network's resolver answer from it.
function linkedZone(
  name: string,
  zoneName: string,
  args: AksDataNetworkArgs,
  parent: pulumi.Resource,
): privatedns.PrivateZone {
  const label = zoneName.split('.')[1];
  const zone = new privatedns.PrivateZone(
    `${name}-${label}-zone`,
    { resourceGroupName: args.resourceGroupName, location: 'global', privateZoneName: zoneName },
    { parent },
  );
  new privatedns.VirtualNetworkLink(
    `${name}-${label}-zone-link`,
    {
      resourceGroupName: args.resourceGroupName,
      privateZoneName: zoneName,
      location: 'global',
      virtualNetwork: { id: args.vnetId },
      // The services register their own records; nodes must not.
      registrationEnabled: false,
    },
    { parent, dependsOn: [zone] },
  );
  return zone;
}
