import type * as pulumi from '@pulumi/pulumi';
import { installMocks, type RecordedResource, settle } from '@slipway/infra-testing';
import { dataNetworks } from '@slipway/infra-workload-identity/testing';
import type { DataServiceKind } from '@slipway/platform-contract';
import { type Environment, resolveDataServices } from '@slipway/service-manifest';
import { type DataServiceEndpoint, provisionDataServices } from '../src/index.ts';
import { dataServiceCalls, dataServiceOutputs } from '../src/testing.ts';

// Provisions one service's declared data services on Azure under mocks, through the package's
// entry point, as the services program does.

export const types = {
  server: 'azure-native:dbforpostgresql:Server',
  configuration: 'azure-native:dbforpostgresql:Configuration',
  database: 'azure-native:dbforpostgresql:Database',
  redis: 'azure-native:redisenterprise:RedisEnterprise',
  redisDatabase: 'azure-native:redisenterprise:Database',
  privateEndpoint: 'azure-native:network:PrivateEndpoint',
  dnsZoneGroup: 'azure-native:network:PrivateDnsZoneGroup',
  lock: 'azure-native:authorization:ManagementLockByScope',
} as const;

export const network = dataNetworks.azure;

/** A data service declaration as a manifest writes it (`postgres:` or `cache:`). */
type Declaration = Parameters<typeof resolveDataServices>[0];

/** What one provisioning registered: its resources, each resource's options, the endpoints. */
export interface AzureProvisioning {
  readonly resources: RecordedResource[];
  /** The `protect` option each resource was registered with, by resource name. */
  readonly protectedNames: string[];
  readonly endpoints: ReturnType<typeof provisionDataServices>;
}

/**
 * Provisions a service's (default `ledger`) declared data services for an environment on Azure.
 * @example const { resources } = await provisionOnAzure('prod', { postgres: {} });
 */
export async function provisionOnAzure(
  environment: Environment,
  { name = 'ledger', ...declared }: Omit<Declaration, 'name'> & { name?: string },
): Promise<AzureProvisioning> {
  const resources = await installMocks({
    project: 'data-services-test',
    stack: environment,
    outputsOf: dataServiceOutputs,
    calls: dataServiceCalls,
  });
  const protectedNames: string[] = [];
  // Sees each child's options as registered: `protect` never reaches the mock monitor.
  const recordProtection: pulumi.ResourceTransformation = ({ name, opts }) => {
    if (opts.protect) protectedNames.push(name);
    return undefined;
  };
  const endpoints = provisionDataServices(
    {
      network,
      environment,
      resourcePrefix: `shop-${environment}`,
      services: [{ name, dataServices: resolveDataServices({ name, ...declared }, environment) }],
    },
    { transformations: [recordProtection] },
  );
  await settle();
  return { resources, protectedNames, endpoints };
}

/** The endpoint of the `ledger` service's data service of a kind; fails the test when absent. */
export function endpointOf(
  { endpoints }: AzureProvisioning,
  kind: DataServiceKind,
): DataServiceEndpoint {
  const endpoint = endpoints.ledger?.[kind];
  if (!endpoint) throw new Error(`no ${kind} endpoint for ledger`);
  return endpoint;
}
