import { createHash } from 'node:crypto';
import type { MockSetup } from '@slipway/infra-testing';

/** A stand-in PEM certificate: the right shape, no real key. */
const fakePem = (subject: string) =>
  `-----BEGIN CERTIFICATE-----\n${Buffer.from(`mock CA for ${subject}`).toString('base64')}\n-----END CERTIFICATE-----`;

/** Cloud SQL's DNS names look like `<hash>.<hash>.<region>.sql.goog.`. */
const cloudSqlDnsName = (name: string, region: unknown) => {
  const hash = createHash('sha256').update(name).digest('hex');
  return `${hash.slice(0, 12)}.${hash.slice(12, 25)}.${String(region)}.sql.goog.`;
};

/** What gcp returns, under mocks, for the resources its provisioners create. */
export const gcpMockOutputs: NonNullable<MockSetup['outputsOf']> = ({ type, name, inputs }) => {
  if (type === 'gcp:sql/databaseInstance:DatabaseInstance') {
    const dnsName = cloudSqlDnsName(name, inputs.region);
    return {
      name: `${name}-a1b2c3d`,
      privateIpAddress: '10.16.0.3',
      dnsName,
      dnsNames: [
        { name: dnsName, connectionType: 'PRIVATE_SERVICES_ACCESS', dnsScope: 'INSTANCE' },
      ],
      serverCaCerts: [{ cert: fakePem('Cloud SQL'), commonName: 'Google Cloud SQL Server CA' }],
    };
  }
  if (type === 'gcp:redis/instance:Instance') {
    return {
      host: '10.16.1.4',
      port: 6378,
      authString: `auth-string-${name}`,
      serverCaCerts: [{ cert: fakePem('Memorystore') }],
    };
  }
  return undefined;
};
