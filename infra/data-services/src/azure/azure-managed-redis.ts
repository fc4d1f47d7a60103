import * as network from '@pulumi/azure-native/network/index.js';
import * as redisenterprise from '@pulumi/azure-native/redisenterprise/index.js';
import * as pulumi from '@pulumi/pulumi';
import { componentType } from '@slipway/platform-contract';
import type { ResolvedCache } from '@slipway/service-manifest';
import { cacheUrl } from '../connection-urls.ts';
import type { DataServiceEndpoint } from '../data-service-endpoint.ts';
import type { ProvisionRequest } from '../provisioner.ts';
import type { AzureNetwork } from './azure-network.ts';
import { azureRedisSizes } from './azure-sizes.ts';
import { deletionLock } from './deletion-lock.ts';

/** The TLS port of every Azure Managed Redis database. */
const port = 10000;

/**
 * One service's cache on Azure: an Azure Managed Redis instance of its own (Balanced SKU, Redis
 * Enterprise underneath), reachable only through a private endpoint in the cluster's private
 * endpoint subnet whose address the linked `privatelink.redis.azure.net` zone resolves; TLS only
 * (1.2 at least); encrypted at rest with service-managed keys (the service's default); a replica
 * in another zone with failover when `highAvailability`. The Enterprise clustering policy puts a
 * proxy in front of the shards, so a client sees one endpoint, as a non-cluster ioredis client
 * expects. The service authenticates with the database's access key; Entra ID (an access policy
 * assignment for the workload identity) would need a client that refreshes tokens.
 *
 * @example const { endpoint } = new AzureManagedRedis('ledger-cache', request, { provider });
 */
export class AzureManagedRedis extends pulumi.ComponentResource {
  /** How the service reaches its cache. */
  readonly endpoint: DataServiceEndpoint;

  constructor(
    name: string,
    request: ProvisionRequest<AzureNetwork, ResolvedCache>,
    opts: pulumi.ComponentResourceOptions = {},
  ) {
    super(componentType('azure', 'ManagedRedis'), name, {}, opts);
    const { network: data, settings } = request;
    const sku = azureRedisSizes[settings.size];
    const parent = { parent: this };
    const placed = { resourceGroupName: data.resourceGroupName, location: data.location };
    const cloudName = `${request.resourcePrefix}-${request.service}-cache`;

    const cluster = new redisenterprise.RedisEnterprise(
      `${name}-redis`,
      {
        ...placed,
        clusterName: cloudName,
        sku: { name: sku },
        highAvailability: settings.highAvailability ? 'Enabled' : 'Disabled',
        minimumTlsVersion: '1.2',
        publicNetworkAccess: 'Disabled',
      },
      { parent: this, protect: settings.deletionProtection },
    );
    if (settings.deletionProtection) deletionLock(`${name}-lock`, cluster.id, parent);
    const database = new redisenterprise.Database(
      `${name}-database`,
      {
        resourceGroupName: data.resourceGroupName,
        clusterName: cluster.name,
        // Azure Managed Redis has one database per instance, always named `default`.
        databaseName: 'default',
        clientProtocol: 'Encrypted',
        port,
        clusteringPolicy: 'EnterpriseCluster',
        // Keys with a TTL go first when memory is full, as ElastiCache and Memorystore do.
        evictionPolicy: 'VolatileLRU',
        // New instances default to Entra ID only; the service signs in with the access key.
        accessKeysAuthentication: 'Enabled',
      },
      parent,
    );
    const endpoint = new network.PrivateEndpoint(
      `${name}-endpoint`,
      {
        ...placed,
        privateEndpointName: cloudName,
        subnet: { id: data.privateEndpointSubnetId },
        privateLinkServiceConnections: [
          { name: cloudName, privateLinkServiceId: cluster.id, groupIds: ['redisEnterprise'] },
        ],
      },
      parent,
    );
    // Registers the endpoint's address under the instance's name in the cluster's redis zone.
    new network.PrivateDnsZoneGroup(
      `${name}-dns`,
      {
        resourceGroupName: data.resourceGroupName,
        privateEndpointName: endpoint.name,
        privateDnsZoneGroupName: 'default',
        privateDnsZoneConfigs: [{ name: 'redis', privateDnsZoneId: data.cacheDnsZoneId }],
      },
      parent,
    );
    const keys = redisenterprise.listDatabaseKeysOutput(
      {
        resourceGroupName: data.resourceGroupName,
        clusterName: cluster.name,
        databaseName: database.name,
      },
      parent,
    );

    this.endpoint = {
      kind: 'cache',
      // The hostname's certificate chains to a public root Node trusts: no CA file.
      url: cacheUrl({ password: pulumi.secret(keys.primaryKey), host: cluster.hostName, port }),
      egress: { cidrs: [data.privateEndpointSubnetCidr], port },
      offering: `Azure Managed Redis (${sku}${settings.highAvailability ? ', zone-redundant HA' : ''})`,
    };
    this.registerOutputs({ url: this.endpoint.url });
  }
}
