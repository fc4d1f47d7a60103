import type { CommitSha } from './commit-sha.js';
import { imageReference } from './image-ref.js';
import type { Service } from './services.js';

/** What the images job does for one service. */
export interface ImagePlanEntry {
  readonly service: string;
  /** The npm package name, passed to the Dockerfile as SERVICE. */
  readonly package: string;
  /** The image every environment will run: `<registry>/<service>:<sha>`. */
  readonly image: string;
  /** True when the service changed: it is built, never re-tagged from the base commit (an image already tagged with this SHA is kept). */
  readonly build: boolean;
  /**
   * The image of the same service at the base commit, which an unchanged service can be
   * re-tagged from instead of rebuilt. Empty when there is no base (a rollback or first run).
   */
  readonly reuseFrom: string;
}

/** Inputs of {@link planImages}. */
export interface PlanImagesInput {
  readonly registry: string;
  readonly services: readonly Service[];
  /** Names of the services that changed since the base. */
  readonly changed: readonly string[];
  readonly sha: CommitSha;
  /** The last deployed commit, whose images unchanged services can reuse. */
  readonly base?: CommitSha;
}

/**
 * The tag bookkeeping of a deployment: every service gets an image tagged with the deployed
 * commit, so any deployed SHA names a complete, immutable set of images (what rollbacks and
 * production promotion rely on). Changed services are built; unchanged ones are re-tagged from
 * the base commit's image when it exists, and built otherwise.
 * @example planImages({ registry, services, changed: ['orders'], sha, base })
 */
export function planImages({
  registry,
  services,
  changed,
  sha,
  base,
}: PlanImagesInput): ImagePlanEntry[] {
  const changedSet = new Set(changed);
  return services.map((service) => {
    const build = changedSet.has(service.name);
    return {
      service: service.name,
      package: service.packageName,
      image: imageReference(registry, service.name, sha),
      build,
      reuseFrom: !build && base && base !== sha ? imageReference(registry, service.name, base) : '',
    };
  });
}

/**
 * Every service's image at one commit, as the stack config wants it.
 * @example imagesAt('ghcr.io/acme', services, sha) // { orders: 'ghcr.io/acme/orders:<sha>' }
 */
export function imagesAt(
  registry: string,
  services: readonly Service[],
  sha: CommitSha,
): Record<string, string> {
  return Object.fromEntries(
    services.map((service) => [service.name, imageReference(registry, service.name, sha)]),
  );
}
