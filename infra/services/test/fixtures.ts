import { fileURLToPath } from 'node:url';
import type { PlatformOutputs } from '@slipway/infra-platform/outputs';
import { kubernetesObjects, type RenderedObject } from '@slipway/infra-testing';
import { dataServiceKinds } from '@slipway/platform-contract';
import {
  loadServiceManifests,
  type ServiceManifest,
  type ServiceManifestInput,
} from '@slipway/service-manifest';
import { fixturePlatformOutputs } from '../src/render/fixture-platform-outputs.ts';
import { type RecordedDeployment, recordDeployment } from '../src/render/record-deployment.ts';
import {
  resolveStackConfig,
  type StackConfig,
  type StackConfigInput,
} from '../src/stack-config.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** A value no test would write by accident: if it shows up in plain text, a secret leaked. */
export const sentinel = 'SENTINEL-7f3a9c-do-not-leak';

/**
 * Every service under apps/, as the program loads them: the examples gateway and orders plus
 * whatever `npm create @slipway/service` has added since, so tests never assume exactly two.
 */
export function exampleManifests(): ServiceManifest[] {
  return loadServiceManifests(repoRoot);
}

/** The two example services every fork starts with. */
export const exampleNames = ['gateway', 'orders'] as const;

/**
 * apps/gateway and apps/orders as committed, as a catalog of their own: calls to and from
 * services added later are dropped, so tests that assert an exact set of objects or an exact
 * graph stay true however many services the repository has.
 * @throws Error when apps/ lacks one of the examples, since those tests are about them.
 */
export function examplePair(): ServiceManifest[] {
  const names: readonly string[] = exampleNames;
  const pair = exampleManifests()
    .filter((m) => names.includes(m.name))
    .map((m) => ({
      ...m,
      calls: m.calls.filter((n) => names.includes(n)),
      calledBy: m.calledBy.filter((n) => names.includes(n)),
    }));
  if (pair.length !== names.length)
    throw new Error(`apps/ must hold the example services ${names.join(' and ')}`);
  return pair;
}

/** `base`, or `base-2`, `base-3`…: a service name no manifest in the catalog uses. */
export function unusedServiceName(
  manifests: readonly ServiceManifestInput[],
  base: string,
): string {
  const taken = new Set(manifests.map((m) => m.name));
  let name = base;
  for (let i = 2; taken.has(name); i += 1) name = `${base}-${i}`;
  return name;
}

function image(service: string): string {
  return `ghcr.io/acme/${service}:1.4.2`;
}

/** Where the tests' existing servers are: one subnet per kind, as a cluster's data subnet. */
const existingServerCidrs = { postgres: '10.0.20.0/24', cache: '10.0.21.0/24' } as const;

/**
 * The stack config keys that deploy the given services, as `pulumi config set` leaves them: an
 * image each, every secret set to the sentinel, and an existing server (URL: the sentinel) for
 * every declared data service, so no cloud resource is needed.
 */
export function catalogConfig(manifests: readonly ServiceManifestInput[]): {
  images: Record<string, string>;
  secrets: Record<string, Record<string, string>>;
  dataServices: Record<string, Record<string, { url: string; cidr: string }>>;
} {
  const declared = (m: ServiceManifestInput) =>
    dataServiceKinds.filter((kind) => m[kind] !== undefined);
  return {
    images: Object.fromEntries(manifests.map((m) => [m.name, image(m.name)])),
    secrets: Object.fromEntries(
      manifests
        .filter((m) => (m.secrets ?? []).length > 0)
        .map((m) => [m.name, Object.fromEntries((m.secrets ?? []).map((s) => [s, sentinel]))]),
    ),
    dataServices: Object.fromEntries(
      manifests
        .filter((m) => declared(m).length > 0)
        .map((m) => [
          m.name,
          Object.fromEntries(
            declared(m).map((kind) => [
              kind,
              { url: `${kind}://${sentinel}@server`, cidr: existingServerCidrs[kind] },
            ]),
          ),
        ]),
    ),
  };
}

/** A stack config that deploys the given services: an image each and every secret set. */
export function configFor(
  manifests: readonly ServiceManifestInput[],
  overrides: StackConfigInput = {},
  stack = 'dev',
): StackConfig {
  return resolveStackConfig(stack, { ...catalogConfig(manifests), ...overrides });
}

/** A minimal valid manifest; the schema fills in every default. */
export function manifest(
  name: string,
  fields: Partial<ServiceManifestInput> = {},
): ServiceManifestInput {
  const port = 4000 + [...name].reduce((sum, c) => sum + c.charCodeAt(0), 0);
  return { name, port, ...fields };
}

/** The platform stack's outputs as a platform with a gateway in the stack's namespace gives them. */
export function platformFor(config: StackConfig): PlatformOutputs {
  return fixturePlatformOutputs({ [config.namespace]: 'dev.example.com' });
}

/** The composition under mocks, on the platform of {@link platformFor} unless told otherwise. */
export function record(
  manifests: readonly ServiceManifestInput[],
  config: StackConfig = configFor(manifests),
  platform: PlatformOutputs | undefined = platformFor(config),
): Promise<RecordedDeployment> {
  return recordDeployment(manifests, config, platform);
}

/** Every Kubernetes object the program registers for a catalog, secrets masked. */
export async function renderObjects(
  manifests: readonly ServiceManifestInput[],
  config: StackConfig = configFor(manifests),
  platform: PlatformOutputs | undefined = platformFor(config),
): Promise<RenderedObject[]> {
  const { resources } = await recordDeployment(manifests, config, platform);
  return kubernetesObjects(resources);
}

/** The one object of a kind and name, typed loosely for assertions. */
export function find(objects: readonly RenderedObject[], kind: string, name: string): Loose {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found)
    throw new Error(
      `no ${kind}/${name} among ${objects.map((o) => `${o.kind}/${o.metadata.name}`).join(', ')}`,
    );
  return found as unknown as Loose;
}

/** The pod spec of a service's Deployment. */
export function podSpecOf(objects: readonly RenderedObject[], name: string): Loose {
  return find(objects, 'Deployment', name).spec.template.spec;
}

/** The first container of a service's Deployment. */
export function containerOf(objects: readonly RenderedObject[], name: string): Loose {
  return podSpecOf(objects, name).containers[0];
}

// Tests read deep, known shapes; a loose type keeps them short without `any`.
// biome-ignore lint/suspicious/noExplicitAny: test-only accessor for rendered objects
export type Loose = any;
