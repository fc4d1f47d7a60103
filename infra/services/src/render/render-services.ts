import { stringify } from 'yaml';
import type { PlatformOutputs } from '@slipway/infra-platform/outputs';
import { kubernetesObjects, type RenderedObject } from '@slipway/infra-testing/render';
import type { ServiceManifestInput } from '@slipway/service-manifest';
import type { StackConfig } from '../stack-config.ts';
import { recordDeployment } from './record-deployment.ts';

/** The objects of one service, in apply order. */
export interface RenderedService {
  readonly name: string;
  readonly objects: readonly RenderedObject[];
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
];

/**
 * Renders what the services program would apply for a catalog and a stack, without a cluster:
 * the objects of each service, secrets masked. `platform` stands for the platform stack's
 * outputs (see `recordDeployment`). The bench calls it for N synthetic services.
 * @throws ManifestError or ServicesStackConfigError, as the program would.
 * @example const services = await renderServices(manifests, config, fixturePlatformOutputs([config.namespace]));
 */
export async function renderServices(
  manifests: readonly ServiceManifestInput[],
  config: StackConfig,
  platform: PlatformOutputs | undefined,
): Promise<RenderedService[]> {
  const { resources } = await recordDeployment(manifests, config, platform);
  const byService = new Map<string, RenderedObject[]>();
  for (const object of kubernetesObjects(resources)) {
    const name = object.metadata.labels?.['app.kubernetes.io/name'] ?? '';
    byService.set(name, [...(byService.get(name) ?? []), object]);
  }
  return [...byService.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, objects]) => ({
      name,
      objects: objects.sort(
        (a, b) =>
          kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) ||
          a.metadata.name.localeCompare(b.metadata.name),
      ),
    }));
}

/**
 * One multi-document YAML file for a service, with a header saying what it is.
 * @example writeFileSync(`${out}/orders.yaml`, serviceYaml(service, 'dev'));
 */
export function serviceYaml(service: RenderedService, stack: string): string {
  const header = `# ${service.name} on stack '${stack}', rendered by \`npm run render\` (secret values masked).\n`;
  return header + service.objects.map((o) => `---\n${stringify(o, { lineWidth: 0 })}`).join('');
}
