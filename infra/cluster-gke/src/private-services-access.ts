import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';

/**
 * The range set aside for Google's managed data services (Cloud SQL, Memorystore) in the
 * cluster's address plan: clear of the nodes (10.0.0.0/20), pods (10.4.0.0/14) and Services
 * (10.8.0.0/20), and a /20 so many services' servers fit (Cloud SQL takes a /24 per region and
 * Memorystore a /29 or /28 per instance from it).
 */
const privateServiceRange = { address: '10.16.0.0', prefixLength: 20 } as const;

/** Arguments of {@link privateServicesAccess}. */
export interface PrivateServicesAccessArgs {
  /** `<product>-<environment>` (the cluster's name): the reserved range is `<prefix>-data`. */
  readonly namePrefix: string;
  /** The VPC network's id. */
  readonly network: pulumi.Input<string>;
}

/** The reserved range, as Cloud SQL and Memorystore take it. */
export interface PrivateServiceRange {
  /** The range's name: Cloud SQL's `allocatedIpRange`, Memorystore's `reservedIpRange`. */
  readonly name: pulumi.Output<string>;
  /** The range's CIDR. */
  readonly cidr: string;
}

/**
 * Private services access: a global internal range reserved for VPC peering, and the peering
 * with Google's service producer network that Cloud SQL and Memorystore for Redis give their
 * servers private addresses through. Servers made before the connection exists would fail, so
 * the range's name is handed out only once the connection is up.
 * @example const range = privateServicesAccess('slipway-network', { namePrefix: 'slipway-dev', network: network.id }, { parent: this });
 */
export function privateServicesAccess(
  name: string,
  { namePrefix, network }: PrivateServicesAccessArgs,
  opts: pulumi.ComponentResourceOptions,
): PrivateServiceRange {
  const range = new gcp.compute.GlobalAddress(
    `${name}-data`,
    {
      name: `${namePrefix}-data`,
      description: 'Private services access: Cloud SQL and Memorystore addresses',
      purpose: 'VPC_PEERING',
      addressType: 'INTERNAL',
      address: privateServiceRange.address,
      prefixLength: privateServiceRange.prefixLength,
      network,
    },
    opts,
  );
  const connection = new gcp.servicenetworking.Connection(
    `${name}-data-peering`,
    {
      network,
      service: 'servicenetworking.googleapis.com',
      reservedPeeringRanges: [range.name],
    },
    opts,
  );
  return {
    name: pulumi.all([range.name, connection.id]).apply(([rangeName]) => rangeName),
    cidr: `${privateServiceRange.address}/${privateServiceRange.prefixLength}`,
  };
}
