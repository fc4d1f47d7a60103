import { Provider } from '@pulumi/aws/provider.js';
import * as rds from '@pulumi/aws/rds/index.js';
import * as pulumi from '@pulumi/pulumi';
import { componentType } from '@slipway/platform-contract';
import type { ResolvedPostgres } from '@slipway/service-manifest';
import { postgresUrl } from '../connection-urls.ts';
import type { DataServiceEndpoint } from '../data-service-endpoint.ts';
import { generatedPassword } from '../generated-password.ts';
import type { ProvisionRequest } from '../provisioner.ts';
import type { AwsNetwork } from './aws-network.ts';
import { awsResourceName } from './aws-resource-name.ts';
import { rdsSizes } from './aws-sizes.ts';
import { dataSecurityGroup } from './data-security-group.ts';
import { rdsCaBundle, rdsCaIdentifier } from './rds-ca-bundle.ts';

const port = 5432;

/** What {@link RdsPostgres} provisions: one service's PostgreSQL in one environment. */
export type RdsPostgresArgs = ProvisionRequest<AwsNetwork, ResolvedPostgres>;

/**
 * One service's own RDS for PostgreSQL instance in the cluster's data subnets: reachable only
 * from the cluster's nodes and pods, TLS forced, encrypted gp3 storage that grows by itself,
 * automated backups with point-in-time recovery, a standby in another zone when highly
 * available, and protected from deletion (by RDS and by Pulumi) when the settings say so.
 * @example const postgres = new RdsPostgres('ledger-postgres', { service: 'ledger', environment: 'prod', resourcePrefix: 'slipway-prod', network, settings }, {});
 */
export class RdsPostgres extends pulumi.ComponentResource {
  /** How the service reaches it. */
  readonly endpoint: DataServiceEndpoint;

  constructor(name: string, args: RdsPostgresArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super(componentType('aws', 'RdsPostgres'), name, {}, opts);
    const { service, environment, resourcePrefix, network, settings } = args;
    const identifier = awsResourceName([resourcePrefix, service, 'postgres'], 63);
    const size = rdsSizes[settings.size];
    const tags = { Name: identifier, service, environment };
    // The cluster's region, stated: never the region a person's shell happens to have.
    const provider = new Provider(`${name}-aws`, { region: network.region }, { parent: this });
    const child = { parent: this, provider };

    const subnets = new rds.SubnetGroup(
      `${name}-subnets`,
      {
        namePrefix: `${identifier}-`,
        description: `${service} PostgreSQL: the cluster's data subnets`,
        subnetIds: [...network.subnetIds],
        tags,
      },
      child,
    );
    const access = dataSecurityGroup(
      name,
      {
        network,
        port,
        description: `${service} PostgreSQL: from the cluster only`,
        namePrefix: `${identifier}-`,
      },
      child,
    );
    // A new major version needs a group of its family: a new one is made before the old goes.
    const parameters = new rds.ParameterGroup(
      `${name}-parameters`,
      {
        namePrefix: `${identifier}-`,
        family: `postgres${settings.version}`,
        description: `${service} PostgreSQL: TLS only`,
        parameters: [{ name: 'rds.force_ssl', value: '1', applyMethod: 'immediate' }],
        tags,
      },
      child,
    );
    const password = generatedPassword(`${name}-password`, { parent: this });

    const instance = new rds.Instance(
      `${name}-instance`,
      {
        identifier,
        engine: 'postgres',
        // The major only: RDS picks its newest minor and autoMinorVersionUpgrade keeps it current.
        engineVersion: String(settings.version),
        allowMajorVersionUpgrade: true,
        autoMinorVersionUpgrade: true,
        instanceClass: size.instanceClass,
        storageType: 'gp3',
        allocatedStorage: size.allocatedStorage,
        maxAllocatedStorage: size.maxAllocatedStorage,
        storageEncrypted: true,
        dbName: settings.database,
        username: settings.database,
        password,
        port,
        dbSubnetGroupName: subnets.name,
        vpcSecurityGroupIds: [access.id],
        parameterGroupName: parameters.name,
        publiclyAccessible: false,
        multiAz: settings.highAvailability,
        caCertIdentifier: rdsCaIdentifier,
        backupRetentionPeriod: settings.backupRetentionDays,
        copyTagsToSnapshot: true,
        deletionProtection: settings.deletionProtection,
        // A protected database leaves a final snapshot and its automated backups when deleted.
        skipFinalSnapshot: !settings.deletionProtection,
        ...(settings.deletionProtection ? { finalSnapshotIdentifier: `${identifier}-final` } : {}),
        deleteAutomatedBackups: !settings.deletionProtection,
        enabledCloudwatchLogsExports: ['postgresql', 'upgrade'],
        tags,
      },
      { ...child, protect: settings.deletionProtection },
    );

    const placement = settings.highAvailability ? ', Multi-AZ' : '';
    this.endpoint = {
      kind: 'postgres',
      url: postgresUrl({
        user: settings.database,
        password,
        host: instance.address,
        port,
        database: settings.database,
        privateCa: true,
      }),
      caCertificate: pulumi.output(rdsCaBundle(network.region)),
      egress: { cidrs: [...network.subnetCidrs], port },
      offering: `Amazon RDS for PostgreSQL ${settings.version} (${size.instanceClass}${placement})`,
    };
    this.registerOutputs({ address: instance.address });
  }
}
