import type * as pulumi from '@pulumi/pulumi';
import { installMocks, type RecordedResource, settle } from '@slipway/infra-testing';
import { dataNetworks } from '@slipway/infra-workload-identity/testing';
import { type Environment, resolveDataServices } from '@slipway/service-manifest';
import { type ProvisionedDataServices, provisionDataServices } from '../src/index.ts';
import { dataServiceOutputs } from '../src/testing.ts';

/** What one run of the AWS provisioners registered and returned. */
export interface AwsProvisioning {
  readonly resources: RecordedResource[];
  readonly endpoints: ProvisionedDataServices;
  /** Whether Pulumi protects each resource, by its Pulumi name (the mocks do not see options). */
  readonly protectedByName: ReadonlyMap<string, boolean>;
}

/**
 * Provisions the `ledger` service's PostgreSQL and cache, declared with the platform's defaults,
 * for `environment` on the EKS fixture's data network, under mocks.
 * @example const { resources, endpoints } = await provisionOnAws('prod');
 */
export async function provisionOnAws(environment: Environment): Promise<AwsProvisioning> {
  const resources = await installMocks({
    project: 'slipway-services',
    stack: environment,
    outputsOf: dataServiceOutputs,
  });
  const protectedByName = new Map<string, boolean>();
  // Transformations reach every child of the components, with the options each was given.
  const recordProtection: pulumi.ResourceTransformation = ({ name, opts }) => {
    protectedByName.set(name, opts.protect === true);
    return undefined;
  };
  const endpoints = provisionDataServices(
    {
      network: dataNetworks.aws,
      environment,
      resourcePrefix: `shop-${environment}`,
      services: [
        {
          name: 'ledger',
          dataServices: resolveDataServices(
            { name: 'ledger', postgres: {}, cache: {} },
            environment,
          ),
        },
      ],
    },
    { transformations: [recordProtection] },
  );
  await settle();
  return { resources, endpoints, protectedByName };
}

/** Resource types the AWS tests look for. */
export const awsTypes = {
  instance: 'aws:rds/instance:Instance',
  dbSubnetGroup: 'aws:rds/subnetGroup:SubnetGroup',
  parameterGroup: 'aws:rds/parameterGroup:ParameterGroup',
  securityGroup: 'aws:ec2/securityGroup:SecurityGroup',
  replicationGroup: 'aws:elasticache/replicationGroup:ReplicationGroup',
  cacheSubnetGroup: 'aws:elasticache/subnetGroup:SubnetGroup',
} as const;
