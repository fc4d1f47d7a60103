import type * as pulumi from '@pulumi/pulumi';
import { provisionDataServices } from '@slipway/infra-data-services';
import { dataServiceOutputs } from '@slipway/infra-data-services/testing';
import type { PlatformOutputs } from '@slipway/infra-platform/outputs';
import {
  installMocks,
  promiseOf,
  type RecordedResource,
  settle,
} from '@slipway/infra-testing/render';
import type { DataNetwork } from '@slipway/infra-workload-identity';
import { type DataServiceKind, dataServiceKinds } from '@slipway/platform-contract';
import type { ServiceManifestInput } from '@slipway/service-manifest';
import { type DeployedServices, deployServices } from '../deploy-services.ts';
import { projectName, type StackConfig } from '../stack-config.ts';

/** Which service's data service of which kind a cloud resource belongs to. */
interface DataServiceOwner {
  readonly service: string;
  readonly kind: DataServiceKind;
}

/** What a deployment under mocks registered. */
export interface RecordedDeployment {
  readonly deployed: DeployedServices;
  /** Every registered resource with its inputs; secrets still wrapped (`isSecretMarker`). */
  readonly resources: readonly RecordedResource[];
  /** The owner of each data service resource, by `<type> <name>`. */
  readonly dataServiceOwners: ReadonlyMap<string, DataServiceOwner>;
}

/** Where a render's declared data services go. */
export interface RecordOptions {
  /** The stand-in for the cluster stack's `dataNetwork` (`standInDataNetwork`); default: none. */
  readonly dataNetwork?: DataNetwork;
}

/** The key of {@link RecordedDeployment.dataServiceOwners}. */
export const resourceKey = (resource: { type: string; name: string }) =>
  `${resource.type} ${resource.name}`;

/**
 * `provisionDataServices`, one service and kind at a time, noting the owner of every resource each
 * call creates: a transformation on the provisioner's component reaches all its children, however
 * each cloud names them.
 */
function attributingProvision(owners: Map<string, DataServiceOwner>): typeof provisionDataServices {
  return (args, opts = {}) =>
    Object.fromEntries(
      args.services.map(({ name: service, dataServices }) => {
        const endpoints = dataServiceKinds.flatMap((kind) => {
          if (!dataServices[kind]) return [];
          const owner: DataServiceOwner = { service, kind };
          const note: pulumi.ResourceTransformation = ({ type, name }) => {
            owners.set(resourceKey({ type, name }), owner);
            return undefined;
          };
          const one = {
            ...args,
            services: [{ name: service, dataServices: { [kind]: dataServices[kind] } }],
          };
          const provisioned = provisionDataServices(one, {
            ...opts,
            transformations: [...(opts.transformations ?? []), note],
          });
          return [[kind, provisioned[service]?.[kind]] as const];
        });
        return [service, Object.fromEntries(endpoints)];
      }),
    );
}

/**
 * Runs the services program's composition under Pulumi mocks (no engine, cloud or cluster)
 * and records every registered resource. `platform` stands for the platform stack's outputs
 * (a render of it, or `fixturePlatformOutputs`); undefined is fine when no service is public.
 * Declared data services go to `dataNetwork`, the clouds answering with
 * `@slipway/infra-data-services/testing`'s outputs, or to the existing servers the config names.
 * Mocks are process-wide: run one at a time.
 * @example const { resources } = await recordDeployment(manifests, config, platform, { dataNetwork });
 */
export async function recordDeployment(
  manifests: readonly ServiceManifestInput[],
  config: StackConfig,
  platform: PlatformOutputs | undefined,
  { dataNetwork }: RecordOptions = {},
): Promise<RecordedDeployment> {
  const resources = await installMocks({
    project: projectName,
    stack: config.stack,
    // A StackReference's state is the referenced stack's outputs; no cluster stack exists here.
    outputsOf: (resource) =>
      resource.type === 'pulumi:pulumi:StackReference'
        ? { outputs: { kubeconfig: 'mock-kubeconfig' } }
        : dataServiceOutputs(resource),
  });
  const owners = new Map<string, DataServiceOwner>();
  const deployed = deployServices(manifests, config, platform, {
    ...(dataNetwork ? { dataNetwork } : {}),
    provision: attributingProvision(owners),
  });
  await Promise.all([
    ...Object.values(deployed.services).flatMap((service) => [
      promiseOf(service.urn),
      ...service.resources.map((resource) => promiseOf(resource.urn)),
    ]),
    ...deployed.environmentResources.map((resource) => promiseOf(resource.urn)),
  ]);
  // The data services' resources that feed no Kubernetes object (subnet groups, parameters...).
  await settle();
  return { deployed, resources, dataServiceOwners: owners };
}
