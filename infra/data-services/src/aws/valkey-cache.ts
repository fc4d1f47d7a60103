import * as elasticache from '@pulumi/aws/elasticache/index.js';
import { Provider } from '@pulumi/aws/provider.js';
import * as pulumi from '@pulumi/pulumi';
import { componentType } from '@slipway/platform-contract';
import type { ResolvedCache } from '@slipway/service-manifest';
import { cacheUrl } from '../connection-urls.ts';
import type { DataServiceEndpoint } from '../data-service-endpoint.ts';
import { generatedPassword } from '../generated-password.ts';
import type { ProvisionRequest } from '../provisioner.ts';
import type { AwsNetwork } from './aws-network.ts';
import { awsResourceName } from './aws-resource-name.ts';
import { valkeyNodeTypes } from './aws-sizes.ts';
import { dataSecurityGroup } from './data-security-group.ts';

const port = 6379;

/** The Valkey version new caches get: major and minor, as ElastiCache takes it from 7 on. */
const valkeyVersion = '9.0';

/** What {@link ValkeyCache} provisions: one service's cache in one environment. */
export type ValkeyCacheArgs = ProvisionRequest<AwsNetwork, ResolvedCache>;

/**
 * One service's own ElastiCache for Valkey replication group (cluster mode off, one shard) in the
 * cluster's data subnets: reachable only from the cluster's nodes and pods, TLS required, an AUTH
 * token, encrypted at rest, a replica in another zone with automatic failover when highly
 * available. No snapshots: a cache holds nothing that cannot be rebuilt.
 * @example const cache = new ValkeyCache('ledger-cache', { service: 'ledger', environment: 'prod', resourcePrefix: 'slipway-prod', network, settings }, {});
 */
export class ValkeyCache extends pulumi.ComponentResource {
  /** How the service reaches it. */
  readonly endpoint: DataServiceEndpoint;

  constructor(name: string, args: ValkeyCacheArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super(componentType('aws', 'ValkeyCache'), name, {}, opts);
    const { service, environment, resourcePrefix, network, settings } = args;
    // ElastiCache allows 40 characters for a replication group's id.
    const id = awsResourceName([resourcePrefix, service, 'cache'], 40);
    const nodeType = valkeyNodeTypes[settings.size];
    const tags = { Name: id, service, environment };
    // The cluster's region, stated: never the region a person's shell happens to have.
    const provider = new Provider(`${name}-aws`, { region: network.region }, { parent: this });
    const child = { parent: this, provider };

    const subnets = new elasticache.SubnetGroup(
      `${name}-subnets`,
      {
        name: id,
        description: `${service} cache: the cluster's data subnets`,
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
        description: `${service} cache: from the cluster only`,
        namePrefix: `${id}-`,
      },
      child,
    );
    const token = generatedPassword(`${name}-token`, { parent: this });

    const group = new elasticache.ReplicationGroup(
      `${name}-group`,
      {
        replicationGroupId: id,
        description: `${service} cache (${environment})`,
        engine: 'valkey',
        engineVersion: valkeyVersion,
        autoMinorVersionUpgrade: true,
        nodeType,
        clusterMode: 'disabled',
        numCacheClusters: settings.highAvailability ? 2 : 1,
        automaticFailoverEnabled: settings.highAvailability,
        multiAzEnabled: settings.highAvailability,
        port,
        subnetGroupName: subnets.name,
        securityGroupIds: [access.id],
        transitEncryptionEnabled: true,
        transitEncryptionMode: 'required',
        atRestEncryptionEnabled: true,
        authToken: token,
        snapshotRetentionLimit: 0,
        tags,
      },
      { ...child, protect: settings.deletionProtection },
    );

    const placement = settings.highAvailability ? ', Multi-AZ' : '';
    this.endpoint = {
      kind: 'cache',
      // ElastiCache's certificates come from Amazon Trust Services, which Node trusts: no CA file.
      url: cacheUrl({ password: token, host: group.primaryEndpointAddress, port }),
      egress: { cidrs: [...network.subnetCidrs], port },
      offering: `Amazon ElastiCache for Valkey ${valkeyVersion} (${nodeType}${placement})`,
    };
    this.registerOutputs({ primaryEndpointAddress: group.primaryEndpointAddress });
  }
}
