import { execFileSync } from 'node:child_process';
import type { ImagePlanEntry } from './image-plan.js';

/** What happens to one service's image: already there, re-tagged, or to be built. */
export type ImageAction = 'present' | 'retag' | 'build';

/** The registry operations {@link ensureImage} needs; the default uses `docker buildx`. */
export interface RegistryClient {
  /** Whether an image reference resolves in the registry. */
  exists(reference: string): boolean;
  /** Points `target` at the manifest of `source`, registry-side (no pull, no rebuild). */
  retag(source: string, target: string): void;
}

/** The facts {@link decideImageAction} weighs. */
export interface ImageFacts {
  readonly targetExists: boolean;
  readonly mustBuild: boolean;
  readonly reuseFrom: string;
  readonly reuseExists: boolean;
}

/**
 * Decides one service's image action. An image already tagged with the commit SHA was built
 * from that very commit, so it is never rebuilt (re-runs are cheap and idempotent). A changed
 * service is built; an unchanged one is re-tagged from the base commit's image when that image
 * exists, and built otherwise (a failed or skipped earlier deploy leaves no image to reuse).
 * @example decideImageAction({ targetExists: false, mustBuild: false, reuseFrom: ref, reuseExists: true }) // 'retag'
 */
export function decideImageAction(facts: ImageFacts): ImageAction {
  if (facts.targetExists) return 'present';
  if (!facts.mustBuild && facts.reuseFrom && facts.reuseExists) return 'retag';
  return 'build';
}

/**
 * Applies {@link decideImageAction} to a plan entry against a registry: looks images up and
 * re-tags when that is the decision. Building is left to the workflow's build step.
 * @example const action = ensureImage(entry, dockerRegistryClient());
 */
export function ensureImage(
  entry: Pick<ImagePlanEntry, 'image' | 'build' | 'reuseFrom'>,
  client: RegistryClient,
): ImageAction {
  const targetExists = client.exists(entry.image);
  const reuseExists =
    !targetExists && !entry.build && entry.reuseFrom !== '' && client.exists(entry.reuseFrom);
  const action = decideImageAction({
    targetExists,
    mustBuild: entry.build,
    reuseFrom: entry.reuseFrom,
    reuseExists,
  });
  if (action === 'retag') client.retag(entry.reuseFrom, entry.image);
  return action;
}

/**
 * A {@link RegistryClient} on `docker buildx imagetools`, using the credentials of
 * `docker login`. A failed lookup (missing image, or no access) counts as absent, which only
 * ever leads to a build, never to skipping one.
 * @example ensureImage(entry, dockerRegistryClient('docker'));
 */
export function dockerRegistryClient(docker = 'docker'): RegistryClient {
  return {
    exists(reference) {
      try {
        execFileSync(docker, ['buildx', 'imagetools', 'inspect', reference], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    },
    retag(source, target) {
      execFileSync(docker, ['buildx', 'imagetools', 'create', '--tag', target, source], {
        stdio: ['ignore', 'inherit', 'inherit'],
      });
    },
  };
}
