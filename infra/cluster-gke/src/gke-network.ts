import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';
import { componentType } from '@slipway/platform-contract';
import { type PrivateServiceRange, privateServicesAccess } from './private-services-access.ts';

/** Arguments of {@link GkeNetwork}. */
export interface GkeNetworkArgs {
  /** The region of the subnetwork, the router and the NAT. */
  readonly region: string;
  /** `<product>-<environment>`: names the range reserved for managed data services. */
  readonly namePrefix: string;
}

/** Names of the subnetwork's secondary ranges, as the cluster's IP allocation policy refers to them. */
export const secondaryRanges = { pods: 'pods', services: 'services' } as const;

/**
 * A VPC-native network for a private GKE cluster: one regional subnetwork
 * with secondary ranges for pods and services, and Cloud NAT so nodes without
 * public IPs can still pull images and reach external APIs; and private services access, the
 * range Cloud SQL and Memorystore take their private addresses from.
 *
 * @example
 * const network = new GkeNetwork('slipway', { region: 'europe-west1', namePrefix: 'slipway-dev' });
 */
export class GkeNetwork extends pulumi.ComponentResource {
  /** The VPC network's self link. */
  readonly networkId: pulumi.Output<string>;
  /** The subnetwork's self link. */
  readonly subnetworkId: pulumi.Output<string>;
  /** The range reserved for private services access, peered with Google's services. */
  readonly privateServiceRange: PrivateServiceRange;

  constructor(name: string, args: GkeNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentType('gcp', 'GkeNetwork'), name, {}, opts);
    const parent = { parent: this };

    const network = new gcp.compute.Network(
      `${name}-network`,
      { autoCreateSubnetworks: false, routingMode: 'REGIONAL' },
      parent,
    );
    const subnetwork = new gcp.compute.Subnetwork(
      `${name}-nodes`,
      {
        network: network.id,
        region: args.region,
        ipCidrRange: '10.0.0.0/20',
        privateIpGoogleAccess: true,
        secondaryIpRanges: [
          { rangeName: secondaryRanges.pods, ipCidrRange: '10.4.0.0/14' },
          { rangeName: secondaryRanges.services, ipCidrRange: '10.8.0.0/20' },
        ],
      },
      parent,
    );
    const router = new gcp.compute.Router(
      `${name}-router`,
      { network: network.id, region: args.region },
      parent,
    );
    new gcp.compute.RouterNat(
      `${name}-nat`,
      {
        router: router.name,
        region: args.region,
        natIpAllocateOption: 'AUTO_ONLY',
        sourceSubnetworkIpRangesToNat: 'ALL_SUBNETWORKS_ALL_IP_RANGES',
        logConfig: { enable: true, filter: 'ERRORS_ONLY' },
      },
      parent,
    );

    this.privateServiceRange = privateServicesAccess(
      name,
      { namePrefix: args.namePrefix, network: network.id },
      parent,
    );

    this.networkId = network.id;
    this.subnetworkId = subnetwork.id;
    this.registerOutputs({
      networkId: this.networkId,
      subnetworkId: this.subnetworkId,
      privateServiceRangeName: this.privateServiceRange.name,
    });
  }
}
