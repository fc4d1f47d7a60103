import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { componentType } from '@slipway/platform-contract';
import { createDataSubnets } from './data-subnets.ts';
import { vpcCidr, zoneCidrs } from './subnet-cidrs.ts';

/** Arguments of {@link EksNetwork}. */
export interface EksNetworkArgs {
  /** Availability zones to spread subnets across, one private, one public and one data subnet each. */
  readonly availabilityZones: readonly string[];
  /** The EKS cluster name, used in the subnet discovery tags of the AWS load balancer integration. */
  readonly clusterName: string;
}

/**
 * A VPC for an EKS cluster: per zone a private subnet for nodes (egress
 * through that zone's NAT gateway, so losing one zone never cuts the others
 * off), a public subnet for internet-facing load balancers, and a data subnet
 * for managed databases and caches, with no route out of the VPC.
 *
 * @example
 * const network = new EksNetwork('slipway', { availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'], clusterName: 'slipway-dev' });
 */
export class EksNetwork extends pulumi.ComponentResource {
  /** The VPC id. */
  readonly vpcId: pulumi.Output<string>;
  /** Private subnet ids, in the order of the zones. */
  readonly privateSubnetIds: pulumi.Output<string>[];
  /** Public subnet ids, in the order of the zones. */
  readonly publicSubnetIds: pulumi.Output<string>[];
  /** Private subnets' ranges (nodes and pods), in the order of the zones. */
  readonly privateSubnetCidrs: string[];
  /** Data subnet ids, in the order of the zones. */
  readonly dataSubnetIds: pulumi.Output<string>[];
  /** Data subnets' ranges, in the order of the zones. */
  readonly dataSubnetCidrs: string[];

  constructor(name: string, args: EksNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentType('aws', 'EksNetwork'), name, {}, opts);
    const parent = { parent: this };
    const clusterTag = { [`kubernetes.io/cluster/${args.clusterName}`]: 'shared' };

    const vpc = new aws.ec2.Vpc(
      `${name}-vpc`,
      {
        cidrBlock: vpcCidr,
        enableDnsHostnames: true,
        enableDnsSupport: true,
        tags: { Name: `${name}-vpc` },
      },
      parent,
    );
    const gateway = new aws.ec2.InternetGateway(`${name}-igw`, { vpcId: vpc.id }, parent);
    const publicRoutes = new aws.ec2.RouteTable(
      `${name}-public`,
      { vpcId: vpc.id, routes: [{ cidrBlock: '0.0.0.0/0', gatewayId: gateway.id }] },
      parent,
    );

    this.privateSubnetIds = [];
    this.publicSubnetIds = [];
    this.privateSubnetCidrs = [];
    args.availabilityZones.forEach((zone, index) => {
      const cidrs = zoneCidrs(index);
      const publicSubnet = new aws.ec2.Subnet(
        `${name}-public-${zone}`,
        {
          vpcId: vpc.id,
          availabilityZone: zone,
          cidrBlock: cidrs.public,
          mapPublicIpOnLaunch: false,
          tags: { ...clusterTag, Name: `${name}-public-${zone}`, 'kubernetes.io/role/elb': '1' },
        },
        parent,
      );
      new aws.ec2.RouteTableAssociation(
        `${name}-public-${zone}`,
        { subnetId: publicSubnet.id, routeTableId: publicRoutes.id },
        parent,
      );
      const natAddress = new aws.ec2.Eip(`${name}-nat-${zone}`, { domain: 'vpc' }, parent);
      const nat = new aws.ec2.NatGateway(
        `${name}-nat-${zone}`,
        { subnetId: publicSubnet.id, allocationId: natAddress.id },
        { parent: this, dependsOn: gateway },
      );

      const privateSubnet = new aws.ec2.Subnet(
        `${name}-private-${zone}`,
        {
          vpcId: vpc.id,
          availabilityZone: zone,
          cidrBlock: cidrs.private,
          mapPublicIpOnLaunch: false,
          tags: {
            ...clusterTag,
            Name: `${name}-private-${zone}`,
            'kubernetes.io/role/internal-elb': '1',
          },
        },
        parent,
      );
      const privateRoutes = new aws.ec2.RouteTable(
        `${name}-private-${zone}`,
        { vpcId: vpc.id, routes: [{ cidrBlock: '0.0.0.0/0', natGatewayId: nat.id }] },
        parent,
      );
      new aws.ec2.RouteTableAssociation(
        `${name}-private-${zone}`,
        { subnetId: privateSubnet.id, routeTableId: privateRoutes.id },
        parent,
      );

      this.privateSubnetIds.push(privateSubnet.id);
      this.privateSubnetCidrs.push(cidrs.private);
      this.publicSubnetIds.push(publicSubnet.id);
    });

    const data = createDataSubnets(
      name,
      { vpcId: vpc.id, availabilityZones: args.availabilityZones },
      parent,
    );
    this.dataSubnetIds = data.ids;
    this.dataSubnetCidrs = data.cidrs;

    this.vpcId = vpc.id;
    this.registerOutputs({
      vpcId: this.vpcId,
      privateSubnetIds: this.privateSubnetIds,
      publicSubnetIds: this.publicSubnetIds,
      dataSubnetIds: this.dataSubnetIds,
    });
  }
}
