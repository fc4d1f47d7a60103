import {
  type Cloud,
  cloudNames,
  clusterClouds,
  isCloud,
  isRegistry,
  ownerPlaceholder,
  repositoryFiles,
  repositoryVariables,
} from '@slipway/platform-contract';

/** The platform.json fields the delivery settings start from (read with `readPlatformFile`). */
interface DeliveryConfig {
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
export class DeliverySettingsError extends Error {
  override readonly name = 'DeliverySettingsError';
}

/**
 * Validates an image registry reference (host, optional port, optional lowercase path), with
 * the platform contract's rule, the one init checks too.
 * @throws DeliverySettingsError naming the bad value.
 * @example validateRegistry('ghcr.io/acme') // 'ghcr.io/acme'
 */
function validateRegistry(registry: string): string {
  const trimmed = registry.trim().replace(/\/+$/, '');
  if (!isRegistry(trimmed)) {
    throw new DeliverySettingsError(
      `image registry ${JSON.stringify(registry)} is not a lowercase registry path like ghcr.io/acme (no scheme, tag or digest)`,
    );
  }
  return trimmed;
}

/** Inputs of the resolve functions: platform.json plus workflow overrides. */
export interface ResolveSettingsInput {
  readonly config: DeliveryConfig;
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
 * @throws DeliverySettingsError when no registry can be decided or it is malformed.
 * @example resolveRegistry({ config: {}, owner: 'Acme' }) // 'ghcr.io/acme'
 */
export function resolveRegistry({
  config,
  registryOverride,
  owner,
}: Omit<ResolveSettingsInput, 'cloudOverride'>): string {
  const ownerLower = owner?.trim().toLowerCase();
  let registry = registryOverride?.trim() || config.registry?.trim() || '';
  if (registry.includes(ownerPlaceholder)) {
    if (!ownerLower) {
      throw new DeliverySettingsError(
        `registry ${registry} has an ${ownerPlaceholder} placeholder and no owner is known (GITHUB_REPOSITORY_OWNER)`,
      );
    }
    registry = registry.replaceAll(ownerPlaceholder, ownerLower);
  }
  if (!registry) {
    if (!ownerLower) {
      throw new DeliverySettingsError(
        `no image registry: set "registry" in ${repositoryFiles.platform} (npm run init -- --registry ghcr.io/acme) or the ${repositoryVariables.registry} repository variable`,
      );
    }
    registry = `ghcr.io/${ownerLower}`;
  }
  return validateRegistry(registry);
}

/**
 * Decides the cloud the workflows log in to: an override (repository variable) wins, then
 * platform.json.
 * @throws DeliverySettingsError when neither sets one or the value is unknown.
 * @example resolveCloud({ config: { cloud: 'gcp' } }) // 'gcp'
 */
export function resolveCloud({
  config,
  cloudOverride,
}: Pick<ResolveSettingsInput, 'config' | 'cloudOverride'>): Cloud {
  const cloud = (cloudOverride?.trim() || config.cloud?.trim() || '').toLowerCase();
  if (!cloud) {
    throw new DeliverySettingsError(
      `no cloud: set "cloud" in ${repositoryFiles.platform} (npm run init -- --cloud ${clusterClouds.join('|')}) or the ${repositoryVariables.cloud} repository variable`,
    );
  }
  if (!isCloud(cloud)) {
    throw new DeliverySettingsError(`cloud must be one of ${cloudNames.join(', ')}, got ${cloud}`);
  }
  return cloud;
}

/**
 * The registry, its host and the cloud, decided together for the deploy workflow.
 * @throws DeliverySettingsError as {@link resolveRegistry} and {@link resolveCloud} do.
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
