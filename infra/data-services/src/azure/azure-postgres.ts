import * as dbforpostgresql from '@pulumi/azure-native/dbforpostgresql/index.js';
import * as pulumi from '@pulumi/pulumi';
import { componentType } from '@slipway/platform-contract';
import type { ResolvedPostgres } from '@slipway/service-manifest';
import { postgresUrl } from '../connection-urls.ts';
import type { DataServiceEndpoint } from '../data-service-endpoint.ts';
import { generatedPassword } from '../generated-password.ts';
import type { ProvisionRequest } from '../provisioner.ts';
import type { AzureNetwork } from './azure-network.ts';
import { type AzurePostgresSize, azurePostgresSizes } from './azure-sizes.ts';
import { deletionLock } from './deletion-lock.ts';

const port = 5432;

/** Logins flexible server reserves for itself: it refuses a server whose administrator has one. */
const reservedLogins = [
  'azure_superuser',
  'azure_pg_admin',
  'admin',
  'administrator',
  'root',
  'guest',
  'public',
];

/** The server's size; refuses high availability on a Burstable size, which flexible server lacks. */
function serverSize({ environment, settings }: ProvisionRequest<AzureNetwork, ResolvedPostgres>) {
  const size: AzurePostgresSize = azurePostgresSizes[settings.size];
  if (settings.highAvailability && size.tier === 'Burstable') {
    throw new Error(
      `Azure Database for PostgreSQL flexible server offers no high availability on Burstable sizes: postgres.${environment}.size is ${settings.size} (${size.sku}); set postgres.${environment}.size to medium or larger, or postgres.${environment}.highAvailability to false`,
    );
  }
  return size;
}

/** Refuses an administrator login flexible server reserves (the login is the database's name). */
function checkAdministratorLogin(login: string): void {
  if (reservedLogins.includes(login) || login.startsWith('pg_')) {
    throw new Error(
      `Azure Database for PostgreSQL flexible server reserves the login ${login}, which the service's name gives its database and user: rename the service`,
    );
  }
}

/**
 * One service's PostgreSQL on Azure: a flexible server of its own, injected into the cluster's
 * delegated subnet with its name in the linked private DNS zone and no public access; TLS
 * required; automated backups kept `backupRetentionDays` (point-in-time restore within them),
 * geo-redundant in prod; storage that grows by itself; encrypted at rest with service-managed keys
 * (the service's default, always on); zone-redundant HA when asked. The service connects as the
 * server's password administrator, named after its database; Entra ID authentication stays off
 * until the platform creates the workload identity's role inside the database
 * (`pgaadauth_create_principal`), which a deployment from outside the network cannot.
 *
 * @example const { endpoint } = new AzurePostgres('ledger-postgres', request, { provider });
 */
export class AzurePostgres extends pulumi.ComponentResource {
  /** How the service reaches its server. */
  readonly endpoint: DataServiceEndpoint;

  constructor(
    name: string,
    request: ProvisionRequest<AzureNetwork, ResolvedPostgres>,
    opts: pulumi.ComponentResourceOptions = {},
  ) {
    super(componentType('azure', 'Postgres'), name, {}, opts);
    const { network, settings, environment } = request;
    const size = serverSize(request);
    checkAdministratorLogin(settings.database);
    const parent = { parent: this };
    const inGroup = { resourceGroupName: network.resourceGroupName };
    const password = generatedPassword(`${name}-password`, parent);

    const server = new dbforpostgresql.Server(
      `${name}-server`,
      {
        ...inGroup,
        location: network.location,
        serverName: `${request.resourcePrefix}-${request.service}-postgres`,
        version: String(settings.version),
        sku: { name: size.sku, tier: size.tier },
        storage: { storageSizeGB: size.storageSizeGB, autoGrow: 'Enabled' },
        backup: {
          backupRetentionDays: settings.backupRetentionDays,
          // A copy in the paired region survives the loss of the region; dev and staging need not.
          geoRedundantBackup: environment === 'prod' ? 'Enabled' : 'Disabled',
        },
        highAvailability: { mode: settings.highAvailability ? 'ZoneRedundant' : 'Disabled' },
        network: {
          delegatedSubnetResourceId: network.postgresSubnetId,
          privateDnsZoneArmResourceId: network.postgresDnsZoneId,
          publicNetworkAccess: 'Disabled',
        },
        authConfig: { passwordAuth: 'Enabled', activeDirectoryAuth: 'Disabled' },
        administratorLogin: settings.database,
        administratorLoginPassword: password,
      },
      { parent: this, protect: settings.deletionProtection },
    );
    if (settings.deletionProtection) deletionLock(`${name}-lock`, server.id, parent);
    const onServer = { ...inGroup, serverName: server.name };
    // On by default; stated, so a change in the portal shows up as drift.
    const requireTls = new dbforpostgresql.Configuration(
      `${name}-require-tls`,
      {
        ...onServer,
        configurationName: 'require_secure_transport',
        value: 'on',
        source: 'user-override',
      },
      parent,
    );
    // The server takes one change at a time: the database after the setting.
    const database = new dbforpostgresql.Database(
      `${name}-database`,
      { ...onServer, databaseName: settings.database, charset: 'UTF8', collation: 'en_US.utf8' },
      { parent: this, dependsOn: [requireTls] },
    );

    this.endpoint = {
      kind: 'postgres',
      url: postgresUrl({
        user: settings.database,
        password,
        host: server.fullyQualifiedDomainName,
        port,
        // Through the database resource, so the URL exists once the database does.
        database: database.id.apply(() => settings.database),
        // DigiCert and Microsoft roots, which Node trusts.
        privateCa: false,
      }),
      egress: { cidrs: [network.postgresSubnetCidr], port },
      offering: `Azure Database for PostgreSQL flexible server ${settings.version} (${size.sku}${settings.highAvailability ? ', zone-redundant HA' : ''})`,
    };
    this.registerOutputs({ url: this.endpoint.url });
  }
}
