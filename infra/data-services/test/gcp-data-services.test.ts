import type * as pulumi from '@pulumi/pulumi';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  isSecretMarker,
  ofType,
  promiseOf,
  type RecordedResource,
  runProgramWithMocks,
  secretValueOf,
} from '@slipway/infra-testing';
import { dataNetworks } from '@slipway/infra-workload-identity/testing';
import { type Environment, resolveDataServices } from '@slipway/service-manifest';
import { type ProvisionedDataServices, provisionDataServices } from '../src/index.ts';
import { dataServiceOutputs } from '../src/testing.ts';

const types = {
  instance: 'gcp:sql/databaseInstance:DatabaseInstance',
  database: 'gcp:sql/database:Database',
  user: 'gcp:sql/user:User',
  zone: 'gcp:dns/managedZone:ManagedZone',
  record: 'gcp:dns/recordSet:RecordSet',
  redis: 'gcp:redis/instance:Instance',
} as const;

const network = dataNetworks.gcp;

/** What one run provisioned: its resources, the endpoints, and which resources Pulumi protects. */
interface Provisioned {
  readonly resources: RecordedResource[];
  readonly endpoints: ProvisionedDataServices;
  readonly protectedTypes: string[];
}

/** Provisions `ledger`'s declared PostgreSQL and cache on Google Cloud, under mocks. */
async function provisionLedger(environment: Environment): Promise<Provisioned> {
  const protectedTypes: string[] = [];
  // A transformation sees every resource's options, `protect` included, as the engine would.
  const recordProtection: pulumi.ResourceTransformation = ({ type, opts }) => {
    if (opts.protect === true) protectedTypes.push(type);
    return undefined;
  };
  const { program, resources } = await runProgramWithMocks(
    { project: 'slipway-services', stack: environment, outputsOf: dataServiceOutputs },
    async () =>
      provisionDataServices(
        {
          network,
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
      ),
  );
  return { resources, endpoints: program, protectedTypes };
}

/** The one resource of a type, failing when there is not exactly one. */
function only(resources: readonly RecordedResource[], type: string): Record<string, unknown> {
  const found = ofType(resources, type);
  expect(found, type).toHaveLength(1);
  return found[0]?.inputs ?? {};
}

describe.each([
  { environment: 'dev', highAvailability: false, retention: 7 },
  { environment: 'prod', highAvailability: true, retention: 30 },
] as const)(
  'Google Cloud data services in $environment',
  ({ environment, highAvailability, retention }) => {
    let provisioned: Provisioned;
    let instance: Record<string, unknown>;
    let redis: Record<string, unknown>;

    beforeAll(async () => {
      provisioned = await provisionLedger(environment);
      instance = only(provisioned.resources, types.instance);
      redis = only(provisioned.resources, types.redis);
    });

    describe('Cloud SQL for PostgreSQL', () => {
      it('has no public IP, only a private one from the cluster range, and requires TLS', () => {
        expect(instance.settings).toMatchObject({
          ipConfiguration: {
            ipv4Enabled: false,
            privateNetwork: network.network,
            allocatedIpRange: network.privateServiceRangeName,
            sslMode: 'ENCRYPTED_ONLY',
            serverCaMode: 'GOOGLE_MANAGED_CAS_CA',
          },
        });
      });

      it('runs PostgreSQL 17 on Enterprise edition in the network region', () => {
        expect(instance).toMatchObject({
          project: network.project,
          region: network.region,
          databaseVersion: 'POSTGRES_17',
          settings: { edition: 'ENTERPRISE', diskAutoresize: true },
        });
      });

      it(`keeps ${retention} daily backups with point-in-time recovery over the last 7 days`, () => {
        expect(instance.settings).toMatchObject({
          backupConfiguration: {
            enabled: true,
            pointInTimeRecoveryEnabled: true,
            transactionLogRetentionDays: 7,
            backupRetentionSettings: { retainedBackups: retention, retentionUnit: 'COUNT' },
          },
        });
      });

      it(`is ${highAvailability ? 'regional (a standby in another zone)' : 'zonal'}`, () => {
        expect(instance.settings).toMatchObject({
          availabilityType: highAvailability ? 'REGIONAL' : 'ZONAL',
        });
      });

      it(`is ${environment === 'prod' ? '' : 'not '}protected from deletion by Cloud SQL, the provider and Pulumi`, () => {
        const protect = environment === 'prod';
        expect(instance.deletionProtection).toBe(protect);
        expect(instance.settings).toMatchObject({ deletionProtectionEnabled: protect });
        expect(provisioned.protectedTypes.includes(types.instance)).toBe(protect);
      });

      it('makes the service its database and a built-in user of the same name, its password secret', () => {
        expect(only(provisioned.resources, types.database)).toMatchObject({ name: 'ledger' });
        const user = only(provisioned.resources, types.user);
        expect(user).toMatchObject({ name: 'ledger', type: 'BUILT_IN' });
        expect(isSecretMarker(user.password) && user.password.value).toBe(
          'generated-ledger-postgres-password',
        );
      });

      it("resolves the instance's DNS name to its private IP, only inside the cluster network", () => {
        const zone = only(provisioned.resources, types.zone);
        expect(zone).toMatchObject({
          visibility: 'private',
          privateVisibilityConfig: { networks: [{ networkUrl: network.network }] },
        });
        expect(zone.dnsName).toMatch(/\.europe-west1\.sql\.goog\.$/);
        expect(only(provisioned.resources, types.record)).toMatchObject({
          name: zone.dnsName,
          type: 'A',
          rrdatas: ['10.16.0.3'],
        });
      });

      it('connects by that DNS name with verify-full against the mounted CA, and the URL is secret', async () => {
        const postgres = provisioned.endpoints.ledger?.postgres;
        const url = new URL(await secretValueOf(postgres?.url as pulumi.Output<string>));
        expect(url.protocol).toBe('postgres:');
        expect(url.hostname).toMatch(/^[0-9a-f]{12}\.[0-9a-f]{13}\.europe-west1\.sql\.goog$/);
        expect(url.port).toBe('5432');
        expect(url.username).toBe('ledger');
        expect(url.password).toBe('generated-ledger-postgres-password');
        expect(url.pathname).toBe('/ledger');
        expect(url.searchParams.get('sslmode')).toBe('verify-full');
        expect(url.searchParams.get('sslrootcert')).toBe(
          '/var/run/secrets/slipway/DATABASE_CA_CERT',
        );
      });

      it("gives the server's CA and an egress rule to the cluster range on 5432", async () => {
        const postgres = provisioned.endpoints.ledger?.postgres;
        expect(await promiseOf(postgres?.caCertificate as pulumi.Output<string>)).toMatch(
          /^-----BEGIN CERTIFICATE-----\n[\s\S]+-----END CERTIFICATE-----\n$/,
        );
        expect(postgres?.egress).toEqual({ cidrs: [network.privateServiceRange], port: 5432 });
        expect(postgres?.offering).toBe(
          highAvailability
            ? 'Cloud SQL for PostgreSQL 17 (db-custom-2-7680, regional)'
            : 'Cloud SQL for PostgreSQL 17 (db-custom-1-3840, zonal)',
        );
      });
    });

    describe('Memorystore for Redis', () => {
      it('takes a private address from the cluster range over private services access', () => {
        expect(redis).toMatchObject({
          project: network.project,
          region: network.region,
          name: `shop-${environment}-ledger-cache`,
          authorizedNetwork: network.network,
          connectMode: 'PRIVATE_SERVICE_ACCESS',
          reservedIpRange: network.privateServiceRangeName,
        });
      });

      it('requires AUTH and TLS', () => {
        expect(redis).toMatchObject({
          authEnabled: true,
          transitEncryptionMode: 'SERVER_AUTHENTICATION',
        });
      });

      it(`is ${highAvailability ? 'standard HA with a replica in another zone' : 'basic'}, sized for the environment`, () => {
        expect(redis).toMatchObject(
          highAvailability
            ? { tier: 'STANDARD_HA', memorySizeGb: 4 }
            : { tier: 'BASIC', memorySizeGb: 1 },
        );
      });

      it(`is ${environment === 'prod' ? '' : 'not '}protected from deletion by the provider and Pulumi`, () => {
        const protect = environment === 'prod';
        expect(redis.deletionProtection).toBe(protect);
        expect(provisioned.protectedTypes.includes(types.redis)).toBe(protect);
      });

      it('connects with rediss:// and the AUTH string, trusting the server CA, through the cluster range', async () => {
        const cache = provisioned.endpoints.ledger?.cache;
        expect(await secretValueOf(cache?.url as pulumi.Output<string>)).toBe(
          'rediss://:auth-string-ledger-cache-instance@10.16.1.4:6378',
        );
        expect(await promiseOf(cache?.caCertificate as pulumi.Output<string>)).toContain(
          '-----BEGIN CERTIFICATE-----',
        );
        expect(cache?.egress).toEqual({ cidrs: [network.privateServiceRange], port: 6378 });
      });
    });
  },
);
