/** The address plan of one availability zone inside the 10.0.0.0/16 VPC. */
export interface ZoneCidrs {
  /** Nodes and pods (the VPC CNI gives pods VPC addresses, hence a /19). */
  readonly private: string;
  /** Load balancers and NAT gateways only. */
  readonly public: string;
  /** Managed data services (RDS, ElastiCache) only: no route out of the VPC. */
  readonly data: string;
}

/** The VPC's address range; subnets are carved from it by {@link zoneCidrs}. */
export const vpcCidr = '10.0.0.0/16';

const maxZones = 6;

/**
 * Returns the subnet ranges of the zone at `index`: private /19s from the bottom of the VPC
 * (10.0.0.0 to 10.0.191.255 for six zones), public /24s from 10.0.192.0 up, data /24s from
 * 10.0.200.0 up, so no two overlap for up to six zones.
 *
 * @example
 * zoneCidrs(1); // { private: '10.0.32.0/19', public: '10.0.193.0/24', data: '10.0.201.0/24' }
 */
export function zoneCidrs(index: number): ZoneCidrs {
  if (!Number.isInteger(index) || index < 0 || index >= maxZones) {
    throw new RangeError(`zone index must be an integer from 0 to ${maxZones - 1}, got ${index}`);
  }
  return {
    private: `10.0.${index * 32}.0/19`,
    public: `10.0.${192 + index}.0/24`,
    data: `10.0.${200 + index}.0/24`,
  };
}
