import * as pulumi from '@pulumi/pulumi';
import { environmentNamespace, pulumiProject, stackReference } from '@slipway/platform-contract';
import { type Environment, environments } from '@slipway/service-manifest';
import { type ExistingDataServices, readExistingDataServices } from './existing-data-services.ts';
import { type PreviewSettings, readPreviewSettings } from './preview-settings.ts';
import { ServicesStackConfigError, type StackConfigProblem } from './stack-config-error.ts';

/** The Pulumi project name; config keys are `slipway-services:<key>`. */
export const projectName = pulumiProject('services');

/**
 * The stack config as written in `Pulumi.<stack>.yaml` (or set with `pulumi config set`),
 * before validation. Secret values arrive as plain strings from Pulumi and are wrapped with
 * `pulumi.secret` at once by {@link resolveStackConfig}.
 */
export interface StackConfigInput {
  /** Namespace to deploy into; default `slipway-<stack>`. */
  readonly namespace?: unknown;
  /** Environment whose manifest `config` section applies; default: the stack name. */
  readonly environment?: unknown;
  /**
   * Image per service, set by CI: `{ orders: 'ghcr.io/acme/orders:<sha>@sha256:<digest>' }`,
   * the tag naming the commit that last changed the service; unchanged services keep their string.
   */
  readonly images?: unknown;
  /** Secret values per service and name, set with `pulumi config set --secret --path`. */
  readonly secrets?: unknown;
  /** `org/project/stack` of the cluster program whose `kubeconfig` output to use. */
  readonly clusterStack?: unknown;
  /**
   * `org/project/stack` of the platform program, whose outputs (`PlatformOutputs`) give the
   * gateway public services attach to; required when a service is public.
   */
  readonly platformStack?: unknown;
  /**
   * Existing servers a service's declared data services use instead of provisioned ones:
   * `{ orders: { postgres: { url, cidr, port?, caCertificate? } } }`, `url` and `caCertificate`
   * set with `pulumi config set --secret --path dataServices.orders.postgres.url`.
   */
  readonly dataServices?: unknown;
  /**
   * A pull request's preview (`{ pr, expiresAt, services }`, written by `npm run preview`): the
   * listed services deploy into `<product>-pr-<pr>`, not `namespace` (whose gateway they use).
   */
  readonly preview?: unknown;
}

/** Validated stack config. */
export interface StackConfig {
  readonly stack: string;
  readonly environment: Environment;
  readonly namespace: string;
  readonly images: Readonly<Record<string, string>>;
  readonly secrets: Readonly<Record<string, Readonly<Record<string, pulumi.Input<string>>>>>;
  readonly clusterStack?: string;
  readonly platformStack?: string;
  /** Existing servers by service and kind (`dataServices`); default: none, every declared one is provisioned. */
  readonly dataServices: ExistingDataServices;
  /** Set for a pull request's preview; `namespace` is then the preview's namespace. */
  readonly preview?: PreviewSettings;
}

const dnsLabel = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const stackName = /^[^/\s]+\/[^/\s]+\/[^/\s]+$/;
const configKeys = [
  'namespace',
  'environment',
  'images',
  'secrets',
  'clusterStack',
  'platformStack',
  'dataServices',
  'preview',
] as const;

const objectKeys = new Set<string>(['images', 'secrets', 'dataServices', 'preview']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Validates the shape of a stack's config and fills in defaults. Whether it fits the catalog
 * (an image per service, every declared secret) is checked by `planServices`.
 * @throws ServicesStackConfigError naming every field at fault.
 * @example resolveStackConfig('dev', { images: { orders: 'ghcr.io/acme/orders:1.0.0' } })
 */
export function resolveStackConfig(stack: string, input: StackConfigInput): StackConfig {
  const problems: StackConfigProblem[] = [];
  const problem = (field: string, message: string, service = '') =>
    problems.push({ service, field, message });
  const text = (field: keyof StackConfigInput, fallback?: string): string | undefined => {
    const value = input[field];
    if (value === undefined || value === '') return fallback;
    if (typeof value === 'string') return value;
    problem(field, 'must be a string');
    return fallback;
  };

  const environment = text('environment', stack) ?? stack;
  if (!(environments as readonly string[]).includes(environment))
    problem(
      'environment',
      `'${environment}' is not one of ${environments.join(', ')}: name the stack after one or set environment`,
    );
  const namespace = text('namespace', environmentNamespace(stack)) ?? '';
  if (!dnsLabel.test(namespace) || namespace.length > 63)
    problem('namespace', `'${namespace}' is not a DNS-1123 label`);
  else if (namespace === 'default' || namespace.startsWith('kube-'))
    problem(
      'namespace',
      `'${namespace}' is reserved: use an environment namespace such as ${environmentNamespace(stack)}`,
    );

  const clusterStack = text('clusterStack');
  const platformStack = text('platformStack');
  if (platformStack !== undefined && !stackName.test(platformStack))
    problem(
      'platformStack',
      `'${platformStack}' is not a stack name such as ${stackReference('platform', stack)}`,
    );

  const images: Record<string, string> = {};
  if (input.images !== undefined && !isRecord(input.images))
    problem('images', 'must be a map of service name to image');
  for (const [service, image] of Object.entries(isRecord(input.images) ? input.images : {})) {
    if (typeof image === 'string') images[service] = image;
    else problem(`images.${service}`, 'must be an image reference string', service);
  }

  const secrets: Record<string, Record<string, pulumi.Input<string>>> = {};
  if (input.secrets !== undefined && !isRecord(input.secrets))
    problem('secrets', 'must be a map of service name to a map of secret values');
  for (const [service, values] of Object.entries(isRecord(input.secrets) ? input.secrets : {})) {
    if (!isRecord(values)) {
      problem(`secrets.${service}`, 'must be a map of secret name to value', service);
      continue;
    }
    secrets[service] = {};
    for (const [name, value] of Object.entries(values)) {
      if (typeof value === 'string' || pulumi.Output.isInstance(value))
        secrets[service][name] = pulumi.secret(value as pulumi.Input<string>);
      else problem(`secrets.${service}.${name}`, 'must be a string', service);
    }
  }

  const dataServices = readExistingDataServices(input.dataServices, problem);
  const preview = readPreviewSettings(input.preview, namespace, problem);

  const config: StackConfig = {
    stack,
    environment: environment as Environment,
    namespace: preview?.namespace ?? namespace,
    images,
    secrets,
    dataServices,
    ...(clusterStack ? { clusterStack } : {}),
    ...(platformStack ? { platformStack } : {}),
    ...(preview ? { preview } : {}),
  };
  if (problems.length > 0) throw new ServicesStackConfigError(stack, problems);
  return config;
}

/**
 * Reads this stack's config from Pulumi (`pulumi config`) and validates it.
 * @example const config = readStackConfig();
 */
export function readStackConfig(): StackConfig {
  const config = new pulumi.Config(projectName);
  const input: Record<string, unknown> = {};
  for (const key of configKeys) {
    // Objects are JSON in Pulumi config; secrets are read plain only to be wrapped at once.
    input[key] = objectKeys.has(key) ? config.getObject(key) : config.get(key);
  }
  return resolveStackConfig(pulumi.getStack(), input);
}
