import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { DataNetwork } from '@slipway/infra-workload-identity';
import { dataServiceKinds, serviceManifestPath } from '@slipway/platform-contract';
import {
  formatProblem,
  loadServiceManifests,
  manifestWarnings,
  type ServiceManifest,
} from '@slipway/service-manifest';
import { standInDataNetwork } from '../render/stand-in-data-network.ts';
import {
  projectName,
  resolveStackConfig,
  type StackConfig,
  type StackConfigInput,
} from '../stack-config.ts';

/** The services project folder, where `Pulumi.yaml` and `Pulumi.<stack>.yaml` live. */
const projectDir = fileURLToPath(new URL('../../', import.meta.url));
/** The repository root, whose `apps/*\/service.yaml` the program reads. */
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** Where an encrypted value stood: the CLI never decrypts, it only needs to know it is set. */
export const encryptedPlaceholder = 'encrypted-in-stack-file';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A stack file's config with every `{ secure: … }` value replaced by {@link encryptedPlaceholder}. */
export function replaceSecure(value: unknown): unknown {
  if (isRecord(value)) {
    if (typeof value.secure === 'string' && Object.keys(value).length === 1)
      return encryptedPlaceholder;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceSecure(v)]));
  }
  return Array.isArray(value) ? value.map(replaceSecure) : value;
}

/**
 * Reads `Pulumi.<stack>.yaml` the way `pulumi up` would see this project's config, without the
 * Pulumi CLI: `{ secure: … }` values become a placeholder, since rendering never needs them.
 * @throws Error when the stack file does not exist.
 * @example const input = readStackFile('dev');
 */
export function readStackFile(stack: string, dir = projectDir): StackConfigInput {
  const file = join(dir, `Pulumi.${stack}.yaml`);
  if (!existsSync(file)) throw new Error(`no stack file ${file}: stacks are dev, staging and prod`);
  const document: unknown = parse(readFileSync(file, 'utf8'));
  const config = isRecord(document) && isRecord(document.config) ? document.config : {};
  const prefix = `${projectName}:`;
  return Object.fromEntries(
    Object.entries(config)
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, value]) => [key.slice(prefix.length), replaceSecure(value)]),
  );
}

/** What {@link fillForRender} had to invent, to tell the user. */
export interface RenderPlaceholders {
  readonly input: StackConfigInput;
  readonly warnings: readonly string[];
}

/**
 * Where a render puts a declared data service that has nowhere to go (no data network, no
 * existing server): TEST-NET-1, an address range that is never anyone's server.
 */
const placeholderServerCidr = '192.0.2.0/24';

/**
 * Fills what CI sets at deploy time and a fresh clone lacks (images, secret values) with
 * visible placeholders, so `npm run render` works before the first deploy. Without a data
 * network (a cluster you bring), each declared data service with no existing server gets a
 * placeholder one. `--strict` skips it.
 * @example const { input, warnings } = fillForRender(readStackFile('dev'), manifests, { dataNetwork: true });
 */
export function fillForRender(
  input: StackConfigInput,
  manifests: readonly ServiceManifest[],
  { dataNetwork = true }: { readonly dataNetwork?: boolean } = {},
): RenderPlaceholders {
  const warnings: string[] = [];
  const images: Record<string, unknown> = isRecord(input.images) ? { ...input.images } : {};
  const secrets: Record<string, unknown> = isRecord(input.secrets) ? { ...input.secrets } : {};
  const servers: Record<string, unknown> = isRecord(input.dataServices)
    ? { ...input.dataServices }
    : {};
  for (const manifest of manifests) {
    if (images[manifest.name] === undefined) {
      images[manifest.name] = `registry.invalid/${manifest.name}:unset`;
      warnings.push(`images.${manifest.name} is not set: rendering a placeholder image`);
    }
    const values: Record<string, unknown> = isRecord(secrets[manifest.name])
      ? { ...(secrets[manifest.name] as Record<string, unknown>) }
      : {};
    for (const name of manifest.secrets) {
      if (values[name] === undefined) {
        values[name] = 'unset';
        warnings.push(
          `secrets.${manifest.name}.${name} is not set: pulumi up would refuse this stack`,
        );
      }
    }
    if (manifest.secrets.length > 0) secrets[manifest.name] = values;
    if (dataNetwork) continue;
    const own: Record<string, unknown> = isRecord(servers[manifest.name])
      ? { ...(servers[manifest.name] as Record<string, unknown>) }
      : {};
    for (const kind of dataServiceKinds) {
      if (manifest[kind] === undefined || own[kind] !== undefined) continue;
      own[kind] = { url: 'unset', cidr: placeholderServerCidr };
      warnings.push(
        `dataServices.${manifest.name}.${kind} is not set and the cluster has no data network: rendering a placeholder server (pulumi up would refuse this stack)`,
      );
    }
    if (Object.keys(own).length > 0) servers[manifest.name] = own;
  }
  return { input: { ...input, images, secrets, dataServices: servers }, warnings };
}

/**
 * A path the user typed, resolved from the folder they ran npm in (`INIT_CWD`): npm runs a
 * workspace's scripts inside the workspace, so `--out docs/x` would otherwise land there.
 * @example resolveFromInvocation('rendered/dev') // '/repo/rendered/dev' after `npm run render` at /repo
 */
export function resolveFromInvocation(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

/** A stack as `pulumi up` would see it, and what had to be filled in for it. */
export interface LoadedStack {
  readonly manifests: readonly ServiceManifest[];
  readonly config: StackConfig;
  /** Where its data services are provisioned: the fork's cloud's stand-in (`standInDataNetwork`). */
  readonly dataNetwork: DataNetwork | undefined;
  /** Placeholders filled in and manifest warnings (egress wider than it should be). */
  readonly warnings: readonly string[];
}

/**
 * Reads the repository's manifests and `Pulumi.<stack>.yaml`, with placeholders for what CI
 * sets at deploy time (see {@link fillForRender}) unless `strict`, and the data network the
 * fork's cloud's cluster program exports. Rendering is the caller's: it needs the platform
 * stack's outputs too.
 * @throws Error naming the problem when a manifest or the stack config is invalid.
 * @example const { manifests, config, dataNetwork, warnings } = loadStack('dev', { strict: false });
 */
export function loadStack(stack: string, { strict }: { readonly strict: boolean }): LoadedStack {
  const manifests = loadServiceManifests(repoRoot);
  const stackInput = readStackFile(stack);
  const dataNetwork = standInDataNetwork(repoRoot);
  const { input, warnings } = strict
    ? { input: stackInput, warnings: [] }
    : fillForRender(stackInput, manifests, { dataNetwork: dataNetwork !== undefined });
  const located = manifests.map((manifest) => ({
    manifest,
    file: serviceManifestPath(manifest.name),
  }));
  return {
    manifests,
    config: resolveStackConfig(stack, input),
    dataNetwork,
    warnings: [...warnings, ...manifestWarnings(located).map(formatProblem)],
  };
}
