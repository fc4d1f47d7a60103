import * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';
import { zoneCidrs } from './subnet-cidrs.ts';

/** What {@link createDataSubnets} needs. */
export interface DataSubnetsArgs {
  readonly vpcId: pulumi.Input<string>;
  /** One data subnet per zone, in this order. */
  readonly availabilityZones: readonly string[];
}

/** The data subnets, in the order of the zones. */
export interface DataSubnets {
  readonly ids: pulumi.Output<string>[];
  readonly cidrs: string[];
}

/**
 * Per zone a private subnet for the managed data services (RDS and ElastiCache subnet groups),
 * on a route table of its own with no route but the VPC's local one: nothing in it reaches or is
 * reached from the internet, even if the VPC's main route table gains a route later. Untagged
 * for Kubernetes, so no load balancer or node ever lands in it.
 * @example const data = createDataSubnets('slipway-network', { vpcId: vpc.id, availabilityZones }, { parent: this });
 */
export function createDataSubnets(
  name: string,
  { vpcId, availabilityZones }: DataSubnetsArgs,
  opts: pulumi.CustomResourceOptions,
): DataSubnets {
  const routes = new aws.ec2.RouteTable(
    `${name}-data`,
    { vpcId, routes: [], tags: { Name: `${name}-data` } },
    opts,
  );
  const ids: pulumi.Output<string>[] = [];
  const cidrs: string[] = [];
  availabilityZones.forEach((zone, index) => {
    const cidrBlock = zoneCidrs(index).data;
    const subnet = new aws.ec2.Subnet(
      `${name}-data-${zone}`,
      {
        vpcId,
        availabilityZone: zone,
        cidrBlock,
        mapPublicIpOnLaunch: false,
        tags: { Name: `${name}-data-${zone}` },
      },
      opts,
    );
    new aws.ec2.RouteTableAssociation(
      `${name}-data-${zone}`,
      { subnetId: subnet.id, routeTableId: routes.id },
      opts,
    );
    ids.push(subnet.id);
    cidrs.push(cidrBlock);
  });
  return { ids, cidrs };
}
