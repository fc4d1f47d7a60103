import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file `npm run init` writes at the repository root. */
export const platformConfigFile = 'platform.json';

/** Clouds the delivery workflows can log in to with OIDC; `none` skips cloud login. */
export const clouds = ['aws', 'gcp', 'azure', 'none'] as const;
/** One of {@link clouds}. */
export type Cloud = (typeof clouds)[number];

/** What platform.json holds (every field optional until `init` has run). */
export interface PlatformConfig {
  readonly scope?: string;
  readonly registry?: string;
  readonly cloud?: string;
}

/** The settings the delivery scripts run with, after overrides and defaults. */
export interface DeliverySettings {
  /** Image registry and namespace, e.g. `ghcr.io/acme`: images are `<registry>/<service>`. */
  readonly registry: string;
  /** The registry's host, what `docker login` takes, e.g. `ghcr.io`. */
  readonly registryHost: string;
  readonly cloud: Cloud;
}

/** Thrown when the settings are missing or malformed; the message says where to fix them. */
export class PlatformConfigError extends Error {
  override readonly name = 'PlatformConfigError';
}

// A registry host (with a dot or a port, or localhost, as Docker requires to tell it from a
// path) and lowercase path components separated as in Docker's reference grammar. The same
// rule is in scripts/src/platform-config.ts and generators/src/init/init-generator.ts.
const registryPattern =
  /^(localhost|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+)(:\d{1,5})?(\/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*$/;

/**
 * Reads platform.json from the repository root; an absent file is an empty config.
 * @throws PlatformConfigError when the file is not a JSON object.
 * @example const { registry } = readPlatformConfig(root);
 */
export function readPlatformConfig(root: string): PlatformConfig {
  const file = join(root, platformConfigFile);
  if (!existsSync(file)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new PlatformConfigError(`${platformConfigFile} is not valid JSON: ${String(error)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new PlatformConfigError(`${platformConfigFile} must hold a JSON object`);
  }
  const record = parsed as Record<string, unknown>;
  const pick = (key: string): string | undefined =>
    typeof record[key] === 'string' ? (record[key] as string) : undefined;
  return { scope: pick('scope'), registry: pick('registry'), cloud: pick('cloud') };
}

/**
 * Validates an image registry reference (host, optional port, optional lowercase path).
 * @throws PlatformConfigError naming the bad value.
 * @example validateRegistry('ghcr.io/acme') // 'ghcr.io/acme'
 */
export function validateRegistry(registry: string): string {
  const trimmed = registry.trim().replace(/\/+$/, '');
  if (!registryPattern.test(trimmed)) {
    throw new PlatformConfigError(
      `image registry ${JSON.stringify(registry)} is not a lowercase registry path like ghcr.io/acme (no scheme, tag or digest)`,
    );
  }
  return trimmed;
}

/** Inputs of the resolve functions: platform.json plus workflow overrides. */
export interface ResolveSettingsInput {
  readonly config: PlatformConfig;
  /** A repository variable that overrides platform.json's registry. */
  readonly registryOverride?: string;
  /** A repository variable that overrides platform.json's cloud. */
  readonly cloudOverride?: string;
  /** The GitHub owner, for the `ghcr.io/<owner>` default and placeholder. */
  readonly owner?: string;
}

/**
 * Decides the image registry: an override (repository variable) wins, then platform.json, then
 * GHCR under the repository owner. A `<owner>` placeholder is replaced by the owner, lowercased
 * as GHCR requires.
 * @throws PlatformConfigError when no registry can be decided or it is malformed.
 * @example resolveRegistry({ config: {}, owner: 'Acme' }) // 'ghcr.io/acme'
 */
export function resolveRegistry({
  config,
  registryOverride,
  owner,
}: Omit<ResolveSettingsInput, 'cloudOverride'>): string {
  const ownerLower = owner?.trim().toLowerCase();
  let registry = registryOverride?.trim() || config.registry?.trim() || '';
  if (registry.includes('<owner>')) {
    if (!ownerLower) {
      throw new PlatformConfigError(
        `registry ${registry} has an <owner> placeholder and no owner is known (GITHUB_REPOSITORY_OWNER)`,
      );
    }
    registry = registry.replaceAll('<owner>', ownerLower);
  }
  if (!registry) {
    if (!ownerLower) {
      throw new PlatformConfigError(
        `no image registry: set "registry" in ${platformConfigFile} (npm run init -- --registry ghcr.io/acme) or the IMAGE_REGISTRY repository variable`,
      );
    }
    registry = `ghcr.io/${ownerLower}`;
  }
  return validateRegistry(registry);
}

/**
 * Decides the cloud the workflows log in to: an override (repository variable) wins, then
 * platform.json.
 * @throws PlatformConfigError when neither sets one or the value is unknown.
 * @example resolveCloud({ config: { cloud: 'gcp' } }) // 'gcp'
 */
export function resolveCloud({
  config,
  cloudOverride,
}: Pick<ResolveSettingsInput, 'config' | 'cloudOverride'>): Cloud {
  const cloud = (cloudOverride?.trim() || config.cloud?.trim() || '').toLowerCase();
  if (!cloud) {
    throw new PlatformConfigError(
      `no cloud: set "cloud" in ${platformConfigFile} (npm run init -- --cloud aws|gcp|azure) or the SLIPWAY_CLOUD repository variable`,
    );
  }
  if (!(clouds as readonly string[]).includes(cloud)) {
    throw new PlatformConfigError(`cloud must be one of ${clouds.join(', ')}, got ${cloud}`);
  }
  return cloud as Cloud;
}

/**
 * The registry, its host and the cloud, decided together for the deploy workflow.
 * @throws PlatformConfigError as {@link resolveRegistry} and {@link resolveCloud} do.
 * @example resolveDeliverySettings({ config: { registry: 'ghcr.io/acme', cloud: 'aws' } })
 */
export function resolveDeliverySettings(input: ResolveSettingsInput): DeliverySettings {
  const registry = resolveRegistry(input);
  return {
    registry,
    registryHost: registry.split('/')[0] ?? registry,
    cloud: resolveCloud(input),
  };
}
