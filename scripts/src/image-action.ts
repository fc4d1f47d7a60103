import { execFileSync } from 'node:child_process';

/** What happens to one service's image: already in the registry, or to be built. */
export type ImageAction = 'present' | 'build';

/** The registry lookup {@link ensureImage} needs; the default uses `docker buildx`. */
export interface RegistryClient {
  /** Whether an image reference resolves in the registry. */
  exists(reference: string): boolean;
}

/**
 * Decides one service's image action. Its tag is the commit that last changed the service, so
 * an image with that tag was built from these very inputs and is kept (a re-run, a rollback, or
 * a service this deploy did not touch); only a missing tag is built.
 * @example ensureImage({ image }, dockerRegistryClient()) // 'present'
 */
export function ensureImage(
  entry: { readonly image: string },
  client: RegistryClient,
): ImageAction {
  return client.exists(entry.image) ? 'present' : 'build';
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
  };
}
