import type * as pulumi from '@pulumi/pulumi';
import type { DataServiceEndpoint } from '@slipway/infra-data-services';
import type { PlatformOutputs } from '@slipway/infra-platform/outputs';
import { checkImageReference } from '@slipway/infra-policy';
import type { DataNetwork } from '@slipway/infra-workload-identity';
import {
  type DataServiceKind,
  metricsEndpoint,
  serviceManifestPath,
  stackReference,
} from '@slipway/platform-contract';
import {
  environments,
  ManifestError,
  type ManifestProblem,
  type ResolvedDataServices,
  resolveDataServices,
  type ServiceManifest,
  type ServiceManifestInput,
  validateCatalog,
  validateServiceManifest,
} from '@slipway/service-manifest';
import { existingServerEndpoint } from './existing-data-services.ts';
import type { PublicRoute } from './public-route-objects.ts';
import { type Callee, platformConfigKeys } from './service-environment.ts';
import type { StackConfig } from './stack-config.ts';
import { ServicesStackConfigError, type StackConfigProblem } from './stack-config-error.ts';

/** Everything one Microservice needs, checked against the catalog and the stack config. */
export interface ServicePlan {
  readonly manifest: ServiceManifest;
  readonly image: string;
  readonly secrets: Readonly<Record<string, pulumi.Input<string>>>;
  readonly callees: readonly Callee[];
  /** `<service>.<domain>` on the environment's gateway, for public services. */
  readonly route?: PublicRoute;
  /** Its declared data services: those to provision on the data network, and those the stack config names. */
  readonly dataServices: {
    readonly provision: ResolvedDataServices;
    readonly existing: Partial<Record<DataServiceKind, DataServiceEndpoint>>;
  };
}

/**
 * Validates manifests (schema, then the catalog: calls to services that exist, both sides of
 * every call, unique ports) the same way `loadServiceManifests` does, so synthetic manifests
 * get the same errors as files, plus the rules infra adds: no platform variable in `config`, and
 * a port other than the metrics port every pod serves its metrics on.
 * @throws ManifestError naming every service, file and field at fault.
 * @example const manifests = validateManifests([{ name: 'orders', port: 3001 }]);
 */
function validateManifests(inputs: readonly ServiceManifestInput[]): ServiceManifest[] {
  const problems: ManifestProblem[] = [];
  const located: { manifest: ServiceManifest; file: string }[] = [];
  const unreadable = new Set<string>();
  inputs.forEach((input, i) => {
    const raw: unknown = input;
    const named = typeof raw === 'object' && raw !== null && 'name' in raw ? raw.name : undefined;
    const service = typeof named === 'string' ? named : `#${i}`;
    const file = serviceManifestPath(service);
    let manifest: ServiceManifest;
    try {
      manifest = validateServiceManifest(raw, { file, folder: service });
    } catch (error) {
      if (!(error instanceof ManifestError)) throw error;
      problems.push(...error.problems);
      unreadable.add(service);
      return;
    }
    if (manifest.port === metricsEndpoint.port)
      problems.push({
        service,
        file,
        field: 'port',
        message: `${metricsEndpoint.port} is the port every pod serves its metrics on, apart from its API: pick another port`,
      });
    const reserved = new Set(platformConfigKeys(manifest));
    for (const env of ['default', ...environments] as const) {
      for (const key of Object.keys(manifest.config[env])) {
        if (reserved.has(key))
          problems.push({
            service,
            file,
            field: `config.${env}.${key}`,
            message: 'is set by the platform from the manifest: remove it',
          });
      }
    }
    located.push({ manifest, file });
  });
  // A manifest that failed is reported once: calls to and from it are not checked again.
  problems.push(...validateCatalog(located, { unreadable }));
  if (problems.length > 0) throw new ManifestError(problems);
  return located.map((l) => l.manifest);
}

/**
 * Checks the whole catalog against a stack's config and the platform stack's outputs before
 * anything is registered: an image per service (pinned, never `latest`), every declared secret
 * configured (and nothing extra, which is usually a typo), a namespace the platform created, and
 * for a public service the gateway of its namespace (whose domain names its host). `platform` may be undefined
 * when no service is public. Each declared data service uses the existing server the stack config
 * names for it (`dataServices`), else is provisioned on `dataNetwork` (the cluster stack's),
 * else is an error; an existing server for a kind the manifest does not declare is one too.
 * @throws ManifestError for bad manifests, ServicesStackConfigError naming service and field otherwise.
 * @example const plans = planServices(loadServiceManifests(repoRoot), config, platform, cluster?.dataNetwork);
 */
export function planServices(
  inputs: readonly ServiceManifestInput[],
  config: StackConfig,
  platform: PlatformOutputs | undefined,
  dataNetwork?: DataNetwork,
): ServicePlan[] {
  const manifests = validateManifests(inputs);
  const problems: StackConfigProblem[] = [];
  const problem = (service: string, field: string, message: string) =>
    problems.push({ service, field, message });
  const byName = new Map(manifests.map((m) => [m.name, m]));
  const gateway = platform?.gateways?.[config.namespace];
  const platformName = config.platformStack ? `'${config.platformStack}'` : 'the platform stack';
  if (platform && !platform.namespaces.includes(config.namespace))
    problem(
      '',
      'namespace',
      `'${config.namespace}' is not a namespace of ${platformName} (${platform.namespaces.join(', ') || 'none'}): add it to the platform stack's namespaces or deploy to one of them`,
    );

  for (const service of Object.keys(config.images)) {
    if (!byName.has(service))
      problem(
        service,
        `images.${service}`,
        `names no service (no ${serviceManifestPath(service)})`,
      );
  }
  for (const [service, values] of Object.entries(config.secrets)) {
    const manifest = byName.get(service);
    if (!manifest) {
      problem(
        service,
        `secrets.${service}`,
        `names no service (no ${serviceManifestPath(service)})`,
      );
      continue;
    }
    for (const name of Object.keys(values)) {
      if (!manifest.secrets.includes(name))
        problem(
          service,
          `secrets.${service}.${name}`,
          `is configured but ${serviceManifestPath(service)} does not list it in secrets`,
        );
    }
  }

  for (const [service, kinds] of Object.entries(config.dataServices)) {
    const manifest = byName.get(service);
    for (const kind of Object.keys(kinds)) {
      if (!manifest)
        problem(
          service,
          `dataServices.${service}.${kind}`,
          `names no service (no ${serviceManifestPath(service)})`,
        );
      else if (manifest[kind as DataServiceKind] === undefined)
        problem(
          service,
          `dataServices.${service}.${kind}`,
          `is configured but ${serviceManifestPath(service)} declares no ${kind}: declare it (${kind}: {}) or remove the entry`,
        );
    }
  }

  const plans = manifests.map((manifest): ServicePlan => {
    const service = manifest.name;
    const image = config.images[service];
    if (image === undefined)
      problem(
        service,
        `images.${service}`,
        `is not set: pulumi config set --path images.${service} <registry>/${service}:<commit>@sha256:<digest> (CI sets it)`,
      );
    else {
      const reason = checkImageReference(image);
      if (reason) problem(service, `images.${service}`, `'${image}' ${reason}`);
    }
    const secrets = config.secrets[service] ?? {};
    for (const name of manifest.secrets) {
      const value = secrets[name];
      if (value === undefined || value === '')
        problem(
          service,
          `secrets.${service}.${name}`,
          `is not configured: pulumi config set --secret --path secrets.${service}.${name} <value>`,
        );
    }
    let route: PublicRoute | undefined;
    if (manifest.public) {
      if (!platform)
        problem(
          service,
          'platformStack',
          `is required: ${service} is public and its HTTPRoute attaches to the platform's gateway: pulumi config set platformStack ${stackReference('platform', config.stack)}`,
        );
      else if (!gateway)
        problem(
          service,
          'platformStack',
          `${platformName} has no gateway for namespace '${config.namespace}', which public ${service} needs: turn the gateway on in the platform stack for that namespace, or make ${service} internal (public: false)`,
        );
      if (gateway) route = { host: `${service}.${gateway.domain}`, gateway };
    }
    const callees = manifest.calls.map((name) => ({ name, port: byName.get(name)?.port ?? 0 }));
    const declared = resolveDataServices(manifest, config.environment);
    const existing: Partial<Record<DataServiceKind, DataServiceEndpoint>> = {};
    for (const kind of Object.keys(declared) as DataServiceKind[]) {
      const server = config.dataServices[service]?.[kind];
      if (server) existing[kind] = existingServerEndpoint(kind, server);
      else if (!dataNetwork)
        problem(
          service,
          `dataServices.${service}.${kind}`,
          `${service} declares ${kind} but there is nowhere to provision it: set clusterStack to a cluster stack that exports dataNetwork, or name an existing server: pulumi config set --secret --path dataServices.${service}.${kind}.url <url> and pulumi config set --path dataServices.${service}.${kind}.cidr <the server's CIDR>`,
        );
    }
    // What has no existing server is provisioned (on the data network, checked above).
    const provision: ResolvedDataServices = Object.fromEntries(
      Object.entries(declared).filter(([kind]) => !(kind in existing)),
    );
    return {
      manifest,
      image: image ?? '',
      secrets,
      callees,
      ...(route ? { route } : {}),
      dataServices: { provision, existing },
    };
  });
  if (problems.length > 0) throw new ServicesStackConfigError(config.stack, problems);
  return plans;
}
