import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { repositoryFiles } from '@slipway/platform-contract';
import { loadServiceManifests, type ServiceManifest } from '@slipway/service-manifest';

/** A service folder's manifest and every manifest of its repository, and where both are. */
export interface LocatedService {
  readonly manifest: ServiceManifest;
  readonly catalog: readonly ServiceManifest[];
  /** The service folder, absolute. */
  readonly serviceDir: string;
  /** The repository root: the nearest folder above whose package.json declares workspaces. */
  readonly repoRoot: string;
}

function isWorkspaceRoot(dir: string): boolean {
  const file = join(dir, 'package.json');
  if (!existsSync(file)) return false;
  const pkg: unknown = JSON.parse(readFileSync(file, 'utf8'));
  return typeof pkg === 'object' && pkg !== null && 'workspaces' in pkg;
}

/**
 * Reads the manifest of the service in `serviceDir` and all manifests beside it, from the
 * nearest folder above whose package.json declares workspaces.
 * @throws ManifestError when any manifest is invalid; Error when no manifest is found.
 * @example const { manifest, catalog } = findService(process.cwd());
 */
export function findService(serviceDir: string): LocatedService {
  const dir = resolve(serviceDir);
  if (!existsSync(join(dir, repositoryFiles.serviceManifest))) {
    throw new Error(
      `no ${repositoryFiles.serviceManifest} in ${dir}: run this from a service folder`,
    );
  }
  let repoRoot = dirname(dir);
  while (!isWorkspaceRoot(repoRoot)) {
    const parent = dirname(repoRoot);
    if (parent === repoRoot) throw new Error(`no workspace root (package.json) above ${dir}`);
    repoRoot = parent;
  }
  const catalog = loadServiceManifests(repoRoot, { appsDir: relative(repoRoot, dirname(dir)) });
  const manifest = catalog.find((m) => m.name === basename(dir));
  if (!manifest) throw new Error(`${dir} is not among the services of ${repoRoot}`);
  return { manifest, catalog, serviceDir: dir, repoRoot };
}
