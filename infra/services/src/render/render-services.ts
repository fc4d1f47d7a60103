import { stringify } from 'yaml';
import type { PlatformOutputs } from '@slipway/infra-platform/outputs';
import type { ServiceManifestInput } from '@slipway/service-manifest';
import type { StackConfig } from '../stack-config.ts';
import { isSecretMarker, type RecordedResource, recordDeployment } from './record-deployment.ts';

/** What a masked secret value renders as. */
export const maskedSecret = '[secret]';

/** A Kubernetes object as rendered: plain data, secrets masked. */
export type RenderedObject = Readonly<Record<string, unknown>> & {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly labels: Readonly<Record<string, string>> };
};

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
 * Replaces every Pulumi secret in a value with {@link maskedSecret}.
 * @example maskSecrets(recorded.inputs)
 */
export function maskSecrets(value: unknown): unknown {
  if (isSecretMarker(value)) return maskLeaves(value.value);
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskSecrets(v)]));
  return value;
}

// A secret object keeps its keys (which secret names exist is not secret), never its values.
function maskLeaves(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskLeaves);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskLeaves(v)]));
  return maskedSecret;
}

/**
 * The Kubernetes objects among recorded resources (not the provider or components), masked.
 * @example kubernetesObjects(resources).filter((o) => o.kind === 'Deployment')
 */
export function kubernetesObjects(resources: readonly RecordedResource[]): RenderedObject[] {
  return resources
    .filter((r) => r.type.startsWith('kubernetes:') && typeof r.inputs.kind === 'string')
    .map((r) => maskSecrets(r.inputs) as RenderedObject);
}

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
    const name = object.metadata.labels['app.kubernetes.io/name'] ?? '';
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
