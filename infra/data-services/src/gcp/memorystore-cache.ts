import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';
import { componentType } from '@slipway/platform-contract';
import type { ResolvedCache } from '@slipway/service-manifest';
import { cacheUrl } from '../connection-urls.ts';
import type { DataServiceEndpoint } from '../data-service-endpoint.ts';
import type { ProvisionRequest } from '../provisioner.ts';
import type { GcpNetwork } from './gcp-network.ts';
import { gcpResourceName } from './gcp-resource-name.ts';
import { memorystoreSizes } from './gcp-sizes.ts';
import { pemBundle } from './pem-bundle.ts';

/** Memorystore for Redis serves TLS on this port (plain connections would use 6379). */
const memorystoreTlsPort = 6378;
/** The newest Redis OSS version Memorystore for Redis offers. */
const redisVersion = { api: 'REDIS_7_2', shown: '7.2' } as const;
/** Memorystore for Redis instance ids are at most 40 characters. */
const maxInstanceIdLength = 40;

/**
 * A service's own Memorystore for Redis instance, on the cluster's private services access range
 * (`connectMode: PRIVATE_SERVICE_ACCESS`): Memorystore for Valkey reaches a network only through
 * Private Service Connect, which would need a subnet and a service connection policy of its own,
 * while Redis takes its address from the range the cluster program already peers. AUTH on (the
 * password is Memorystore's generated AUTH string), TLS with server authentication, a replica in
 * another zone with automatic failover when highly available. Data at rest is encrypted by Google
 * with Google-managed keys (`customerManagedKey` would bring a customer-managed one).
 * @example const { endpoint } = new MemorystoreCache('ledger-cache', request, {});
 */
export class MemorystoreCache extends pulumi.ComponentResource {
  /** How the service reaches its cache. */
  readonly endpoint: DataServiceEndpoint;

  constructor(
    name: string,
    request: ProvisionRequest<GcpNetwork, ResolvedCache>,
    opts: pulumi.ComponentResourceOptions = {},
  ) {
    super(componentType('gcp', 'MemorystoreCache'), name, {}, opts);
    const { network, settings, resourcePrefix, service } = request;
    const { memorySizeGb } = memorystoreSizes[settings.size];

    const instance = new gcp.redis.Instance(
      `${name}-instance`,
      {
        project: network.project,
        region: network.region,
        name: gcpResourceName([resourcePrefix, service, 'cache'], maxInstanceIdLength),
        redisVersion: redisVersion.api,
        tier: settings.highAvailability ? 'STANDARD_HA' : 'BASIC',
        memorySizeGb,
        authorizedNetwork: network.network,
        connectMode: 'PRIVATE_SERVICE_ACCESS',
        reservedIpRange: network.privateServiceRangeName,
        authEnabled: true,
        transitEncryptionMode: 'SERVER_AUTHENTICATION',
        // Sunday 03:00 UTC, as the PostgreSQL servers.
        maintenancePolicy: {
          weeklyMaintenanceWindows: [{ day: 'SUNDAY', startTime: { hours: 3, minutes: 0 } }],
        },
        // Memorystore has no deletion protection of its own; this is the provider's refusal to
        // delete, beside Pulumi's `protect`.
        deletionProtection: settings.deletionProtection,
      },
      { parent: this, protect: settings.deletionProtection },
    );

    this.endpoint = {
      kind: 'cache',
      url: cacheUrl({
        password: instance.authString,
        host: instance.host,
        port: memorystoreTlsPort,
      }),
      caCertificate: instance.serverCaCerts.apply(pemBundle),
      egress: { cidrs: [network.privateServiceRange], port: memorystoreTlsPort },
      offering: `Memorystore for Redis ${redisVersion.shown} (${memorySizeGb} GB, ${settings.highAvailability ? 'standard HA' : 'basic'})`,
    };
    this.registerOutputs({ offering: this.endpoint.offering });
  }
}
