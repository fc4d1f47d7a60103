import { stringify } from 'yaml';
import type { PlatformOutputs } from '@slipway/infra-platform/outputs';
import { kubernetesObjects, maskSecrets, type RenderedObject } from '@slipway/infra-testing/render';
import { type DataServiceKind, dataServiceKinds } from '@slipway/platform-contract';
import type { ServiceManifestInput } from '@slipway/service-manifest';
import type { StackConfig } from '../stack-config.ts';
import { type RecordOptions, recordDeployment, resourceKey } from './record-deployment.ts';

/** A data service of a service as rendered: what serves it, where it is, its cloud resources. */
export interface RenderedDataService {
  readonly kind: DataServiceKind;
  readonly offering: string;
  readonly egress: { readonly cidrs: readonly string[]; readonly port: number };
  /** Its cloud resources, secrets masked: none for an existing server. */
  readonly resources: readonly {
    readonly type: string;
    readonly name: string;
    readonly inputs: unknown;
  }[];
}

/** What a render of the services program holds: each service, and the environment's own objects. */
export interface RenderedEnvironment {
  readonly services: readonly RenderedService[];
  /** The objects of no one service (the certificate alerts, with monitoring on), by name. */
  readonly shared: readonly RenderedObject[];
}

/** The objects of one service, in apply order, and its data services. */
export interface RenderedService {
  readonly name: string;
  readonly objects: readonly RenderedObject[];
  readonly dataServices: readonly RenderedDataService[];
}

const kindOrder = [
  'ServiceAccount',
  'ConfigMap',
  'Secret',
  'Service',
  'Deployment',
  'HorizontalPodAutoscaler',
  'PodDisruptionBudget',
  'NetworkPolicy',
  'HTTPRoute',
  'PrometheusRule',
];

/**
 * Renders what the services program would apply for a catalog and a stack, without a cluster:
 * the objects of each service and the cloud resources of its data services (on
 * `options.dataNetwork`, or the existing servers the config names), secrets masked, and the
 * environment's own objects. `platform` stands for the platform stack's outputs (see
 * `recordDeployment`); its `monitoring` adds each service's alerts and dashboard.
 * @throws ManifestError or ServicesStackConfigError, as the program would.
 * @example const { services, shared } = await renderEnvironment(manifests, config, platform, { dataNetwork });
 */
export async function renderEnvironment(
  manifests: readonly ServiceManifestInput[],
  config: StackConfig,
  platform: PlatformOutputs | undefined,
  options: RecordOptions = {},
): Promise<RenderedEnvironment> {
  const { resources, deployed, dataServiceOwners } = await recordDeployment(
    manifests,
    config,
    platform,
    options,
  );
  const byService = new Map<string, RenderedObject[]>();
  const shared: RenderedObject[] = [];
  for (const object of kubernetesObjects(resources)) {
    const name = object.metadata.labels?.['app.kubernetes.io/name'] ?? '';
    if (!(name in deployed.services)) shared.push(object);
    else byService.set(name, [...(byService.get(name) ?? []), object]);
  }
  const dataServicesOf = (service: string): RenderedDataService[] =>
    dataServiceKinds.flatMap((kind) => {
      const endpoint = deployed.dataServices[service]?.[kind];
      if (!endpoint) return [];
      const owned = resources.filter((r) => {
        const owner = dataServiceOwners.get(resourceKey(r));
        return owner?.service === service && owner.kind === kind;
      });
      return [
        {
          kind,
          offering: endpoint.offering,
          egress: endpoint.egress,
          resources: owned.map((r) => ({
            type: r.type,
            name: r.name,
            inputs: maskSecrets(r.inputs),
          })),
        },
      ];
    });
  const services = [...byService.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, objects]) => ({
      name,
      dataServices: dataServicesOf(name),
      objects: objects.sort(
        (a, b) =>
          kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) ||
          a.metadata.name.localeCompare(b.metadata.name),
      ),
    }));
  return {
    services,
    shared: shared.sort((a, b) => a.metadata.name.localeCompare(b.metadata.name)),
  };
}

/**
 * The services of {@link renderEnvironment}, for callers that want only them: the bench calls it
 * for N synthetic services.
 * @example const services = await renderServices(manifests, config, fixturePlatformOutputs({ 'slipway-dev': 'dev.example.com' }));
 */
export async function renderServices(
  manifests: readonly ServiceManifestInput[],
  config: StackConfig,
  platform: PlatformOutputs | undefined,
  options: RecordOptions = {},
): Promise<RenderedService[]> {
  return [...(await renderEnvironment(manifests, config, platform, options)).services];
}

/**
 * One multi-document YAML file for a service's data services: each one's offering, egress and
 * cloud resources (type, name, inputs; secrets masked).
 * @example writeFileSync(`${out}/orders.data.yaml`, dataServicesYaml(service, 'prod'));
 */
export function dataServicesYaml(service: RenderedService, stack: string): string {
  const header = `# The data services of ${service.name} on stack '${stack}', rendered by \`npm run render\` (secret values masked).\n`;
  return (
    header + service.dataServices.map((d) => `---\n${stringify(d, { lineWidth: 0 })}`).join('')
  );
}

/**
 * One multi-document YAML file for a service, with a header saying what it is.
 * @example writeFileSync(`${out}/orders.yaml`, serviceYaml(service, 'dev'));
 */
export function serviceYaml(service: RenderedService, stack: string): string {
  const header = `# ${service.name} on stack '${stack}', rendered by \`npm run render\` (secret values masked).\n`;
  return header + service.objects.map((o) => `---\n${stringify(o, { lineWidth: 0 })}`).join('');
}
