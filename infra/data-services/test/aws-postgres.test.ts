import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  isSecretMarker,
  named,
  ofType,
  promiseOf,
  type RecordedResource,
  secretValueOf,
} from '@slipway/infra-testing';
import { dataNetworks } from '@slipway/infra-workload-identity/testing';
import type { DataServiceEndpoint } from '../src/index.ts';
import { type AwsProvisioning, awsTypes, provisionOnAws } from './aws-provision.ts';

const network = dataNetworks.aws;

describe.each([
  {
    environment: 'dev',
    protect: false,
    multiAz: false,
    retention: 7,
    instanceClass: 'db.t4g.small',
  },
  {
    environment: 'prod',
    protect: true,
    multiAz: true,
    retention: 30,
    instanceClass: 'db.m7g.large',
  },
] as const)(
  'PostgreSQL on AWS in $environment',
  ({ environment, protect, multiAz, retention, instanceClass }) => {
    let run: AwsProvisioning;
    let instance: RecordedResource;
    let endpoint: DataServiceEndpoint;
    const identifier = `shop-${environment}-ledger-postgres`;

    beforeAll(async () => {
      run = await provisionOnAws(environment);
      instance = named(run.resources, awsTypes.instance, 'ledger-postgres-instance');
      const provisioned = run.endpoints.ledger?.postgres;
      if (!provisioned) throw new Error('no postgres endpoint for ledger');
      endpoint = provisioned;
    });

    it('creates one RDS for PostgreSQL instance of the declared major version and size', () => {
      expect(ofType(run.resources, awsTypes.instance)).toHaveLength(1);
      expect(instance.inputs).toMatchObject({
        identifier,
        engine: 'postgres',
        engineVersion: '17',
        instanceClass,
        autoMinorVersionUpgrade: true,
        dbName: 'ledger',
        username: 'ledger',
      });
    });

    it('is not publicly accessible', () => {
      expect(instance.inputs.publiclyAccessible).toBe(false);
    });

    it('encrypts its gp3 storage, which grows by itself', () => {
      expect(instance.inputs).toMatchObject({ storageEncrypted: true, storageType: 'gp3' });
      expect(instance.inputs.maxAllocatedStorage).toBeGreaterThan(
        instance.inputs.allocatedStorage as number,
      );
    });

    it('forces TLS through its parameter group, signed by the RSA 2048 G1 CA', () => {
      const parameters = named(
        run.resources,
        awsTypes.parameterGroup,
        'ledger-postgres-parameters',
      );
      expect(parameters.inputs).toMatchObject({
        family: 'postgres17',
        parameters: [expect.objectContaining({ name: 'rds.force_ssl', value: '1' })],
      });
      expect(instance.inputs.parameterGroupName).toBe(`${identifier}-0001`);
      expect(instance.inputs.caCertIdentifier).toBe('rds-ca-rsa2048-g1');
    });

    it(`keeps ${retention} days of automated backups, as far back as point-in-time recovery reaches`, () => {
      expect(instance.inputs.backupRetentionPeriod).toBe(retention);
      expect(instance.inputs.copyTagsToSnapshot).toBe(true);
    });

    it(`has a standby in another zone ${multiAz ? 'in prod' : 'only in prod'}`, () => {
      expect(instance.inputs.multiAz).toBe(multiAz);
    });

    it(`is ${protect ? '' : 'not '}protected from deletion by RDS and by Pulumi`, () => {
      expect(instance.inputs.deletionProtection).toBe(protect);
      expect(run.protectedByName.get('ledger-postgres-instance')).toBe(protect);
    });

    it(`${protect ? 'leaves' : 'skips'} a final snapshot when deleted`, () => {
      expect(instance.inputs.skipFinalSnapshot).toBe(!protect);
      expect(instance.inputs.finalSnapshotIdentifier).toBe(
        protect ? `${identifier}-final` : undefined,
      );
    });

    it("admits TCP 5432 only from the cluster's nodes and pods, and sends nothing out", () => {
      const group = named(run.resources, awsTypes.securityGroup, 'ledger-postgres-access');
      expect(group.inputs).toMatchObject({
        vpcId: network.vpcId,
        ingress: [
          expect.objectContaining({
            protocol: 'tcp',
            fromPort: 5432,
            toPort: 5432,
            cidrBlocks: network.clientCidrs,
          }),
        ],
        egress: [],
      });
      expect(instance.inputs.vpcSecurityGroupIds).toEqual(['ledger-postgres-access-id']);
    });

    it("puts the instance in the cluster's data subnets", () => {
      const subnets = named(run.resources, awsTypes.dbSubnetGroup, 'ledger-postgres-subnets');
      expect(subnets.inputs.subnetIds).toEqual(network.subnetIds);
      expect(instance.inputs.dbSubnetGroupName).toBe(`${identifier}-0001`);
    });

    it('connects with a generated password, kept secret', () => {
      expect(isSecretMarker(instance.inputs.password)).toBe(true);
    });

    it("gives a secret URL that verifies the server's name and certificate against the mounted CA", async () => {
      expect(await secretValueOf(endpoint.url)).toBe(
        `postgres://ledger:generated-ledger-postgres-password@${identifier}.c0ffee123456.eu-west-1.rds.amazonaws.com:5432/ledger?sslmode=verify-full&sslrootcert=%2Fvar%2Frun%2Fsecrets%2Fslipway%2FDATABASE_CA_CERT`,
      );
    });

    it("gives the region's RDS root CAs as the CA certificate", async () => {
      const pem = endpoint.caCertificate && (await promiseOf(endpoint.caCertificate));
      const subjects = (pem ?? '')
        .split(/(?<=-----END CERTIFICATE-----\n)/)
        .map((cert) => new X509Certificate(cert).subject);
      expect(subjects).toContainEqual(
        expect.stringContaining('CN=Amazon RDS eu-west-1 Root CA RSA2048 G1'),
      );
      expect(subjects.every((subject) => subject.includes('Amazon RDS eu-west-1 Root CA'))).toBe(
        true,
      );
    });

    it('lets the service out to the data subnets on 5432 only', () => {
      expect(endpoint.egress).toEqual({ cidrs: network.subnetCidrs, port: 5432 });
    });

    it('names what it provisioned', () => {
      expect(endpoint.offering).toBe(
        `Amazon RDS for PostgreSQL 17 (${instanceClass}${multiAz ? ', Multi-AZ' : ''})`,
      );
    });
  },
);
