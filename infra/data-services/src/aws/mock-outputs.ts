import type { MockSetup } from '@slipway/infra-testing';

/** Resources named from a prefix (`namePrefix`) or by AWS, whose name a mock makes up. */
const namedByAws = new Set([
  'aws:rds/subnetGroup:SubnetGroup',
  'aws:rds/parameterGroup:ParameterGroup',
  'aws:ec2/securityGroup:SecurityGroup',
  'aws:elasticache/subnetGroup:SubnetGroup',
]);

/**
 * What aws returns, under mocks, for the resources its provisioners create: addresses in the
 * form RDS and ElastiCache give them (in the fixtures' region, eu-west-1), and the names of
 * resources named from a prefix.
 */
export const awsMockOutputs: NonNullable<MockSetup['outputsOf']> = ({ type, name, inputs }) => {
  if (type === 'aws:rds/instance:Instance') {
    const address = `${inputs.identifier}.c0ffee123456.eu-west-1.rds.amazonaws.com`;
    return { address, endpoint: `${address}:${inputs.port ?? 5432}` };
  }
  if (type === 'aws:elasticache/replicationGroup:ReplicationGroup') {
    const group = inputs.replicationGroupId;
    return {
      primaryEndpointAddress: `master.${group}.c0ffee.euw1.cache.amazonaws.com`,
      readerEndpointAddress: `replica.${group}.c0ffee.euw1.cache.amazonaws.com`,
    };
  }
  if (namedByAws.has(type))
    return { name: inputs.name ?? `${inputs.namePrefix ?? `${name}-`}0001` };
  return undefined;
};
