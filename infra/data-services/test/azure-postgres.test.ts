import { beforeAll, describe, expect, it } from 'vitest';
import { isSecretMarker, named, ofType, secretValueOf } from '@slipway/infra-testing';
import {
  type AzureProvisioning,
  endpointOf,
  network,
  provisionOnAzure,
  types,
} from './azure-provision.ts';

const serverOf = ({ resources }: AzureProvisioning) =>
  named(resources, types.server, 'ledger-postgres-server').inputs;

describe.each([
  ['dev', { highAvailability: false, retention: 7, geo: 'Disabled', sku: 'Standard_B1ms' }],
  ['prod', { highAvailability: true, retention: 30, geo: 'Enabled', sku: 'Standard_D2ds_v5' }],
] as const)('PostgreSQL on Azure in %s, on the defaults', (environment, expected) => {
  let provisioned: AzureProvisioning;

  beforeAll(async () => {
    provisioned = await provisionOnAzure(environment, { postgres: {} });
  });

  it('creates one flexible server of its own, named for the environment, service and kind', () => {
    expect(ofType(provisioned.resources, types.server)).toHaveLength(1);
    expect(serverOf(provisioned)).toMatchObject({
      serverName: `shop-${environment}-ledger-postgres`,
      resourceGroupName: network.resourceGroupName,
      location: network.location,
      version: '17',
      sku: { name: expected.sku },
    });
  });

  it('injects it into the delegated subnet with its name in the private DNS zone, with no public access', () => {
    expect(serverOf(provisioned).network).toEqual({
      delegatedSubnetResourceId: network.postgresSubnetId,
      privateDnsZoneArmResourceId: network.postgresDnsZoneId,
      publicNetworkAccess: 'Disabled',
    });
  });

  it('requires TLS on every connection', () => {
    expect(
      named(provisioned.resources, types.configuration, 'ledger-postgres-require-tls').inputs,
    ).toMatchObject({
      serverName: `shop-${environment}-ledger-postgres`,
      configurationName: 'require_secure_transport',
      value: 'on',
    });
  });

  it(`keeps ${expected.retention} days of backups, geo-redundant in prod only, and storage that grows`, () => {
    expect(serverOf(provisioned)).toMatchObject({
      backup: { backupRetentionDays: expected.retention, geoRedundantBackup: expected.geo },
      storage: { autoGrow: 'Enabled' },
    });
  });

  it(`turns zone-redundant high availability ${expected.highAvailability ? 'on' : 'off'}`, () => {
    expect(serverOf(provisioned).highAvailability).toMatchObject({
      mode: expected.highAvailability ? 'ZoneRedundant' : 'Disabled',
    });
  });

  it(`${environment === 'prod' ? 'locks and protects' : 'neither locks nor protects'} the server against deletion`, () => {
    const locks = ofType(provisioned.resources, types.lock).map((lock) => lock.inputs);
    if (environment === 'prod') {
      expect(locks).toEqual([
        expect.objectContaining({ scope: 'ledger-postgres-server-id', level: 'CanNotDelete' }),
      ]);
      expect(provisioned.protectedNames).toEqual(['ledger-postgres-server']);
    } else {
      expect(locks).toEqual([]);
      expect(provisioned.protectedNames).toEqual([]);
    }
  });

  it('signs the service in with a generated password as the administrator named after its database', () => {
    const server = serverOf(provisioned);
    expect(server).toMatchObject({
      authConfig: { passwordAuth: 'Enabled', activeDirectoryAuth: 'Disabled' },
      administratorLogin: 'ledger',
    });
    const password = server.administratorLoginPassword;
    // Kept secret in state, previews and renders.
    expect(isSecretMarker(password) && password.value).toBe('generated-ledger-postgres-password');
    expect(
      named(provisioned.resources, types.database, 'ledger-postgres-database').inputs,
    ).toMatchObject({ databaseName: 'ledger' });
  });

  it('hands the service a secret URL that verifies the server by name against the public roots', async () => {
    const endpoint = endpointOf(provisioned, 'postgres');
    expect(endpoint.caCertificate).toBeUndefined();
    expect(await secretValueOf(endpoint.url)).toBe(
      `postgres://ledger:generated-ledger-postgres-password@shop-${environment}-ledger-postgres.postgres.database.azure.com:5432/ledger?sslmode=verify-full`,
    );
  });

  it('lets the service reach the delegated subnet on 5432, and nothing else', () => {
    expect(endpointOf(provisioned, 'postgres').egress).toEqual({
      cidrs: [network.postgresSubnetCidr],
      port: 5432,
    });
  });

  it('says what it is', () => {
    expect(endpointOf(provisioned, 'postgres').offering).toBe(
      environment === 'prod'
        ? 'Azure Database for PostgreSQL flexible server 17 (Standard_D2ds_v5, zone-redundant HA)'
        : 'Azure Database for PostgreSQL flexible server 17 (Standard_B1ms)',
    );
  });
});

describe('PostgreSQL on Azure, refused settings', () => {
  it('refuses high availability on a Burstable size, naming the service, the field and the fix', async () => {
    await expect(
      provisionOnAzure('prod', { postgres: { prod: { size: 'small' } } }),
    ).rejects.toThrow(
      'Azure Database for PostgreSQL flexible server offers no high availability on Burstable sizes: postgres.prod.size is small (Standard_B1ms); set postgres.prod.size to medium or larger, or postgres.prod.highAvailability to false',
    );
  });

  it('refuses a service whose name is a login Azure reserves, since the login is its name', async () => {
    await expect(provisionOnAzure('dev', { name: 'admin', postgres: {} })).rejects.toThrow(
      'Azure Database for PostgreSQL flexible server reserves the login admin',
    );
  });

  it('accepts a Burstable size without high availability', async () => {
    const provisioned = await provisionOnAzure('prod', {
      postgres: { prod: { size: 'small', highAvailability: false } },
    });
    expect(serverOf(provisioned).sku).toEqual({ name: 'Standard_B1ms', tier: 'Burstable' });
  });

  it('runs the declared major version', async () => {
    const provisioned = await provisionOnAzure('dev', { postgres: { version: 18 } });
    expect(serverOf(provisioned).version).toBe('18');
  });
});
