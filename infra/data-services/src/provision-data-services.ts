import type * as pulumi from '@pulumi/pulumi';
import type { DataNetwork } from '@slipway/infra-workload-identity';
import type { DataServiceKind } from '@slipway/platform-contract';
import type { Environment, ResolvedDataServices } from '@slipway/service-manifest';
import { awsProvisioners } from './aws/index.ts';
import { azureProvisioners } from './azure/index.ts';
import type { DataServiceEndpoint } from './data-service-endpoint.ts';
import { gcpProvisioners } from './gcp/index.ts';
import type { CloudProvisioners } from './provisioner.ts';

const provisioners: {
  [C in DataNetwork['cloud']]: CloudProvisioners<Extract<DataNetwork, { cloud: C }>>;
} = {
  aws: awsProvisioners,
  gcp: gcpProvisioners,
  azure: azureProvisioners,
};

/** What {@link provisionDataServices} provisions. */
export interface DataServicesArgs {
  /** The cluster stack's data network: which cloud, and where in its network. */
  readonly network: DataNetwork;
  readonly environment: Environment;
  /** `<product>-<environment>`: the prefix of every cloud resource name. */
  readonly resourcePrefix: string;
  /** Each service's declared data services, resolved for the environment. */
  readonly services: readonly {
    readonly name: string;
    readonly dataServices: ResolvedDataServices;
  }[];
}

/** Each declared data service's endpoint, by service and kind. */
export type ProvisionedDataServices = Readonly<
  Record<string, Partial<Record<DataServiceKind, DataServiceEndpoint>>>
>;

/**
 * Provisions every declared data service on the data network's cloud, one component per service
 * and kind (`<service>-postgres`, `<service>-cache`), and returns how each service reaches its own.
 * @example const endpoints = provisionDataServices({ network, environment: 'dev', resourcePrefix: 'slipway-dev', services }, { provider });
 */
export function provisionDataServices(
  { network, environment, resourcePrefix, services }: DataServicesArgs,
  opts: pulumi.ComponentResourceOptions = {},
): ProvisionedDataServices {
  const endpoints: Record<string, Partial<Record<DataServiceKind, DataServiceEndpoint>>> = {};
  const cloud = provisioners[network.cloud] as CloudProvisioners<DataNetwork>;
  for (const { name: service, dataServices } of services) {
    const { postgres, cache } = dataServices;
    const request = { service, environment, resourcePrefix, network };
    const own: Partial<Record<DataServiceKind, DataServiceEndpoint>> = {};
    if (postgres)
      own.postgres = cloud.postgres(
        `${service}-postgres`,
        { ...request, settings: postgres },
        opts,
      );
    if (cache) own.cache = cloud.cache(`${service}-cache`, { ...request, settings: cache }, opts);
    if (Object.keys(own).length > 0) endpoints[service] = own;
  }
  return endpoints;
}
