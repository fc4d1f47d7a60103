import * as network from '@pulumi/azure-native/network/index.js';
import type * as pulumi from '@pulumi/pulumi';
import { type AksDataNetwork, aksDataNetwork } from './aks-data-network.ts';

/** What {@link aksNetwork} needs. */
export interface AksNetworkArgs {
  readonly resourceGroupName: pulumi.Input<string>;
  readonly location: string;
  /** Zones the egress IP spans. */
  readonly zones: readonly string[];
  /** Adds the subnet AKS injects the API server into (API server VNet integration; AKS Automatic needs it). */
  readonly apiServerSubnet: boolean;
}

/** The cluster's virtual network, as {@link aksNetwork} built it. */
export interface AksNetwork {
  readonly vnetId: pulumi.Output<string>;
  readonly natGatewayId: pulumi.Output<string>;
  /** The node subnet: every node, system or autoprovisioned, and its egress through the NAT gateway. */
  readonly nodeSubnetId: pulumi.Output<string>;
  /** The API server subnet, when asked for. */
  readonly apiServerSubnetId?: pulumi.Output<string>;
  /** Where the services' managed databases and caches go (`src/aks-data-network.ts`). */
  readonly dataNetwork: pulumi.Output<AksDataNetwork>;
}

/**
 * The cluster's virtual network: a node subnet whose egress leaves through a NAT gateway with
 * one static public IP (64,512 SNAT ports, and an address partners can allow-list that survives
 * a replacement of the cluster), optionally the API server subnet, and the data network
 * (subnets and private DNS zones of the services' managed databases and caches). The NAT gateway is the Standard SKU, a
 * zonal resource Azure places in one zone; its IP is zone-redundant. A zone-redundant
 * StandardV2 gateway needs a newer network API than this azure-native version exposes
 * (docs/clusters/aks.md).
 *
 * @example const net = aksNetwork('slipway', { resourceGroupName: group.name, location, zones, apiServerSubnet: false }, this);
 */
export function aksNetwork(
  name: string,
  args: AksNetworkArgs,
  parent: pulumi.Resource,
): AksNetwork {
  const placed = { resourceGroupName: args.resourceGroupName, location: args.location };
  const vnet = new network.VirtualNetwork(
    `${name}-vnet`,
    { ...placed, addressSpace: { addressPrefixes: ['10.0.0.0/16'] } },
    // Subnets are their own resources below.
    { parent, ignoreChanges: ['subnets'] },
  );
  const egressIp = new network.PublicIPAddress(
    `${name}-egress-ip`,
    {
      ...placed,
      sku: { name: 'Standard', tier: 'Regional' },
      publicIPAllocationMethod: 'Static',
      publicIPAddressVersion: 'IPv4',
      zones: [...args.zones],
    },
    { parent },
  );
  const natGateway = new network.NatGateway(
    `${name}-nat`,
    {
      ...placed,
      sku: { name: 'Standard' },
      publicIpAddresses: [{ id: egressIp.id }],
      idleTimeoutInMinutes: 4,
    },
    { parent },
  );
  const nodeSubnet = new network.Subnet(
    `${name}-nodes`,
    {
      resourceGroupName: args.resourceGroupName,
      virtualNetworkName: vnet.name,
      addressPrefix: '10.0.0.0/20',
      natGateway: { id: natGateway.id },
    },
    { parent },
  );
  const apiServerSubnet = args.apiServerSubnet
    ? new network.Subnet(
        `${name}-apiserver`,
        {
          resourceGroupName: args.resourceGroupName,
          virtualNetworkName: vnet.name,
          // A /28 is the smallest AKS accepts for one cluster's API server.
          addressPrefix: '10.0.16.0/28',
          delegations: [{ name: 'aks', serviceName: 'Microsoft.ContainerService/managedClusters' }],
        },
        // One subnet operation at a time per virtual network.
        { parent, dependsOn: [nodeSubnet] },
      )
    : undefined;
  const dataNetwork = aksDataNetwork(
    name,
    {
      resourceGroupName: args.resourceGroupName,
      location: args.location,
      vnetId: vnet.id,
      vnetName: vnet.name,
      after: apiServerSubnet ?? nodeSubnet,
    },
    parent,
  );
  return {
    dataNetwork,
    vnetId: vnet.id,
    natGatewayId: natGateway.id,
    nodeSubnetId: nodeSubnet.id,
    ...(apiServerSubnet ? { apiServerSubnetId: apiServerSubnet.id } : {}),
  };
}
