import type * as pulumi from '@pulumi/pulumi';
import type { DataNetwork } from '@slipway/infra-workload-identity';
import type { Environment, ResolvedCache, ResolvedPostgres } from '@slipway/service-manifest';
import type { DataServiceEndpoint } from './data-service-endpoint.ts';

/** What one cloud's provisioner of one kind gets. */
export interface ProvisionRequest<Network extends DataNetwork, Settings> {
  /** The service the data service belongs to. */
  readonly service: string;
  readonly environment: Environment;
  /**
   * The prefix of every cloud resource name, unique per product and environment
   * (`<product>-<environment>`, e.g. `slipway-dev`); add the service's name and the kind.
   */
  readonly resourcePrefix: string;
  /** The cluster's data network, on the provisioner's cloud. */
  readonly network: Network;
  /** The manifest's declaration, resolved for the environment. */
  readonly settings: Settings;
}

/**
 * Provisions one service's data service of one kind on one cloud, as a component resource
 * (`name` is its Pulumi name), and returns how the service reaches it.
 */
type Provisioner<Network extends DataNetwork, Settings> = (
  name: string,
  request: ProvisionRequest<Network, Settings>,
  opts: pulumi.ComponentResourceOptions,
) => DataServiceEndpoint;

/** A cloud's two provisioners. */
export interface CloudProvisioners<Network extends DataNetwork> {
  readonly postgres: Provisioner<Network, ResolvedPostgres>;
  readonly cache: Provisioner<Network, ResolvedCache>;
}
