import * as ec2 from '@pulumi/aws/ec2/index.js';
import type * as pulumi from '@pulumi/pulumi';
import type { AwsNetwork } from './aws-network.ts';

/** What {@link dataSecurityGroup} admits. */
export interface DataSecurityGroupArgs {
  readonly network: AwsNetwork;
  /** The server's port, the only one open. */
  readonly port: number;
  /** What the group guards, for the console. */
  readonly description: string;
  /** Its name starts with this. */
  readonly namePrefix: string;
}

/**
 * A security group admitting TCP on the server's port from the cluster's nodes and pods only
 * (`clientCidrs`), with no egress rule: a managed server needs none.
 * @example dataSecurityGroup('ledger-postgres', { network, port: 5432, description: 'ledger PostgreSQL', namePrefix: 'slipway-dev-ledger-postgres-' }, { parent: this, provider })
 */
export function dataSecurityGroup(
  name: string,
  { network, port, description, namePrefix }: DataSecurityGroupArgs,
  opts: pulumi.CustomResourceOptions,
): ec2.SecurityGroup {
  return new ec2.SecurityGroup(
    `${name}-access`,
    {
      vpcId: network.vpcId,
      namePrefix,
      description,
      ingress: [
        {
          description: 'from the cluster nodes and pods',
          protocol: 'tcp',
          fromPort: port,
          toPort: port,
          cidrBlocks: [...network.clientCidrs],
        },
      ],
      egress: [],
    },
    opts,
  );
}
