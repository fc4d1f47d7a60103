import type { MockSetup } from '@slipway/infra-testing';

const types = {
  postgres: 'azure-native:dbforpostgresql:Server',
  redis: 'azure-native:redisenterprise:RedisEnterprise',
  redisDatabase: 'azure-native:redisenterprise:Database',
  privateEndpoint: 'azure-native:network:PrivateEndpoint',
};

/**
 * What Azure returns, under mocks, for the resources its provisioners create: each resource's
 * `name` (Azure's resources take it from their own `…Name` argument), the server's FQDN and the
 * cache's hostname as Azure forms them.
 */
export const azureMockOutputs: NonNullable<MockSetup['outputsOf']> = ({ type, inputs }) => {
  if (type === types.postgres)
    return {
      name: inputs.serverName,
      fullyQualifiedDomainName: `${inputs.serverName}.postgres.database.azure.com`,
    };
  if (type === types.redis)
    return {
      name: inputs.clusterName,
      hostName: `${inputs.clusterName}.${inputs.location}.redis.azure.net`,
    };
  if (type === types.redisDatabase) return { name: inputs.databaseName };
  if (type === types.privateEndpoint) return { name: inputs.privateEndpointName };
  return undefined;
};

/**
 * What Azure's functions return under mocks (`MockSetup.calls`): a database's access keys.
 * @example installMocks({ project, outputsOf: dataServiceOutputs, calls: azureMockCalls })
 */
export const azureMockCalls: NonNullable<MockSetup['calls']> = {
  'azure-native:redisenterprise:listDatabaseKeys': {
    primaryKey: 'mock-primary-key',
    secondaryKey: 'mock-secondary-key',
  },
};
