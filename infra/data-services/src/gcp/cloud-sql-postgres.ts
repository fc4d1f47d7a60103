import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';
import { componentType } from '@slipway/platform-contract';
import type { ResolvedPostgres } from '@slipway/service-manifest';
import { postgresUrl } from '../connection-urls.ts';
import type { DataServiceEndpoint } from '../data-service-endpoint.ts';
import { generatedPassword } from '../generated-password.ts';
import type { ProvisionRequest } from '../provisioner.ts';
import { cloudSqlSettings } from './cloud-sql-settings.ts';
import type { GcpNetwork } from './gcp-network.ts';
import { gcpResourceName } from './gcp-resource-name.ts';
import { cloudSqlSizes } from './gcp-sizes.ts';
import { pemBundle } from './pem-bundle.ts';

const postgresPort = 5432;

/** The instance's DNS name on private services access: the name its server certificate holds. */
function privateDnsName(instance: gcp.sql.DatabaseInstance): pulumi.Output<string> {
  return pulumi
    .all([instance.dnsNames, instance.dnsName, instance.name])
    .apply(([names, dnsName, id]) => {
      const name =
        names?.find((entry) => entry.connectionType === 'PRIVATE_SERVICES_ACCESS')?.name ?? dnsName;
      if (!name) {
        throw new Error(
          `Cloud SQL instance ${id} reports no DNS name: its server certificate must come from Google's shared CA (ipConfiguration.serverCaMode GOOGLE_MANAGED_CAS_CA) for verify-full to check a name`,
        );
      }
      return name.endsWith('.') ? name : `${name}.`;
    });
}

/**
 * A service's own Cloud SQL for PostgreSQL instance on the cluster's private services access
 * range ({@link cloudSqlSettings}), the service's database and its user with a generated password,
 * and a private DNS zone in the cluster's network that resolves the instance's DNS name to its
 * private IP. The URL names the server by that DNS name: Cloud SQL's server certificates hold no
 * IP address, so `verify-full` against the private IP would always fail.
 * @example const { endpoint } = new CloudSqlPostgres('ledger-postgres', request, {});
 */
export class CloudSqlPostgres extends pulumi.ComponentResource {
  /** How the service reaches its database. */
  readonly endpoint: DataServiceEndpoint;

  constructor(
    name: string,
    request: ProvisionRequest<GcpNetwork, ResolvedPostgres>,
    opts: pulumi.ComponentResourceOptions = {},
  ) {
    super(componentType('gcp', 'CloudSqlPostgres'), name, {}, opts);
    const { network, settings, resourcePrefix, service } = request;
    const parent = { parent: this };

    // No fixed name: Cloud SQL keeps a deleted instance's name for a week, so Pulumi names it
    // `<prefix>-<service>-postgres-<random>`, and a stack can be destroyed and made again.
    const instance = new gcp.sql.DatabaseInstance(
      `${resourcePrefix}-${service}-postgres`,
      {
        project: network.project,
        region: network.region,
        databaseVersion: `POSTGRES_${settings.version}`,
        settings: cloudSqlSettings(network, settings),
        deletionProtection: settings.deletionProtection,
      },
      { ...parent, protect: settings.deletionProtection },
    );
    const database = new gcp.sql.Database(
      `${name}-database`,
      { project: network.project, instance: instance.name, name: settings.database },
      parent,
    );
    const password = generatedPassword(`${name}-password`, parent);
    const user = new gcp.sql.User(
      `${name}-user`,
      {
        project: network.project,
        instance: instance.name,
        name: settings.database,
        type: 'BUILT_IN',
        password,
      },
      parent,
    );

    const zone = new gcp.dns.ManagedZone(
      `${name}-dns`,
      {
        project: network.project,
        name: gcpResourceName([resourcePrefix, service, 'postgres'], 63),
        dnsName: privateDnsName(instance),
        description: `The DNS name of ${service}'s Cloud SQL instance, as its certificate names it`,
        visibility: 'private',
        privateVisibilityConfig: { networks: [{ networkUrl: network.network }] },
      },
      parent,
    );
    const record = new gcp.dns.RecordSet(
      `${name}-dns-address`,
      {
        project: network.project,
        managedZone: zone.name,
        name: zone.dnsName,
        type: 'A',
        ttl: 300,
        rrdatas: [instance.privateIpAddress],
      },
      parent,
    );

    const { tier } = cloudSqlSizes[settings.size];
    this.endpoint = {
      kind: 'postgres',
      url: postgresUrl({
        user: user.name,
        password,
        host: record.name.apply((host) => host.replace(/\.$/, '')),
        port: postgresPort,
        database: database.name,
        privateCa: true,
      }),
      caCertificate: instance.serverCaCerts.apply(pemBundle),
      egress: { cidrs: [network.privateServiceRange], port: postgresPort },
      offering: `Cloud SQL for PostgreSQL ${settings.version} (${tier}, ${settings.highAvailability ? 'regional' : 'zonal'})`,
    };
    this.registerOutputs({ offering: this.endpoint.offering });
  }
}
