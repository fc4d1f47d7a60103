import { beforeAll, describe, expect, it } from 'vitest';
import { named, ofType, secretValueOf } from '@slipway/infra-testing';
import {
  type AzureProvisioning,
  endpointOf,
  network,
  provisionOnAzure,
  types,
} from './azure-provision.ts';

const redisOf = ({ resources }: AzureProvisioning) =>
  named(resources, types.redis, 'ledger-cache-redis').inputs;

describe.each([
  ['dev', { highAvailability: 'Disabled', sku: 'Balanced_B1' }],
  ['prod', { highAvailability: 'Enabled', sku: 'Balanced_B3' }],
] as const)('the cache on Azure in %s, on the defaults', (environment, expected) => {
  let provisioned: AzureProvisioning;

  beforeAll(async () => {
    provisioned = await provisionOnAzure(environment, { cache: {} });
  });

  it('creates one Azure Managed Redis instance of its own, with no public access and TLS 1.2 at least', () => {
    expect(ofType(provisioned.resources, types.redis)).toHaveLength(1);
    expect(redisOf(provisioned)).toMatchObject({
      clusterName: `shop-${environment}-ledger-cache`,
      resourceGroupName: network.resourceGroupName,
      location: network.location,
      sku: { name: expected.sku },
      publicNetworkAccess: 'Disabled',
      minimumTlsVersion: '1.2',
    });
  });

  it(`turns high availability ${expected.highAvailability === 'Enabled' ? 'on' : 'off'}`, () => {
    expect(redisOf(provisioned).highAvailability).toBe(expected.highAvailability);
  });

  it('serves one TLS-only database on 10000 behind a single endpoint, signed in to by access key', () => {
    expect(
      named(provisioned.resources, types.redisDatabase, 'ledger-cache-database').inputs,
    ).toMatchObject({
      clusterName: `shop-${environment}-ledger-cache`,
      databaseName: 'default',
      clientProtocol: 'Encrypted',
      port: 10000,
      clusteringPolicy: 'EnterpriseCluster',
      accessKeysAuthentication: 'Enabled',
    });
  });

  it('reaches it through a private endpoint in the private endpoint subnet, named in the redis zone', () => {
    expect(
      named(provisioned.resources, types.privateEndpoint, 'ledger-cache-endpoint').inputs,
    ).toMatchObject({
      subnet: { id: network.privateEndpointSubnetId },
      privateLinkServiceConnections: [
        { privateLinkServiceId: 'ledger-cache-redis-id', groupIds: ['redisEnterprise'] },
      ],
    });
    expect(
      named(provisioned.resources, types.dnsZoneGroup, 'ledger-cache-dns').inputs,
    ).toMatchObject({
      privateEndpointName: `shop-${environment}-ledger-cache`,
      privateDnsZoneConfigs: [{ privateDnsZoneId: network.cacheDnsZoneId }],
    });
  });

  it(`${environment === 'prod' ? 'locks and protects' : 'neither locks nor protects'} the instance against deletion`, () => {
    const locks = ofType(provisioned.resources, types.lock).map((lock) => lock.inputs);
    if (environment === 'prod') {
      expect(locks).toEqual([
        expect.objectContaining({ scope: 'ledger-cache-redis-id', level: 'CanNotDelete' }),
      ]);
      expect(provisioned.protectedNames).toEqual(['ledger-cache-redis']);
    } else {
      expect(locks).toEqual([]);
      expect(provisioned.protectedNames).toEqual([]);
    }
  });

  it("hands the service a secret rediss:// URL with the database's access key, and no CA to mount", async () => {
    const endpoint = endpointOf(provisioned, 'cache');
    expect(endpoint.caCertificate).toBeUndefined();
    expect(await secretValueOf(endpoint.url)).toBe(
      `rediss://:mock-primary-key@shop-${environment}-ledger-cache.westeurope.redis.azure.net:10000`,
    );
  });

  it('lets the service reach the private endpoint subnet on 10000, and nothing else', () => {
    expect(endpointOf(provisioned, 'cache').egress).toEqual({
      cidrs: [network.privateEndpointSubnetCidr],
      port: 10000,
    });
  });
});

describe('a service with both a database and a cache on Azure', () => {
  it('gets a server and an instance of its own, each with its own endpoint', async () => {
    const provisioned = await provisionOnAzure('dev', { postgres: {}, cache: {} });
    expect(ofType(provisioned.resources, types.server)).toHaveLength(1);
    expect(ofType(provisioned.resources, types.redis)).toHaveLength(1);
    expect(Object.keys(provisioned.endpoints.ledger ?? {})).toEqual(['postgres', 'cache']);
  });
});
