import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';

/**
 * The files and folders every tool finds the repository by.
 * @example join(root, repositoryFiles.platform) // '<root>/platform.json'
 */
export const repositoryFiles = {
  /** Whose platform this is: scope, registry, cloud (see `readPlatformFile`). */
  platform: 'platform.json',
  /** The root package.json, whose `workspaces` make a folder the repository root. */
  rootPackage: 'package.json',
  /** One folder per service. */
  servicesDir: 'apps',
  /** Each service's manifest, in its folder: `apps/<name>/service.yaml`. */
  serviceManifest: 'service.yaml',
  /**
   * The template a service follows and the answers it was made with, in its folder
   * (`npm run sync` reads it). Bookkeeping only: not part of the service's image.
   */
  templateRecord: '.slipway/template.json',
} as const;

/** Thrown when no repository root is found. */
export class RepositoryNotFoundError extends Error {
  override readonly name = 'RepositoryNotFoundError';
}

function readJson(file: string): Record<string, unknown> {
  const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function workspacePatterns(root: string): string[] {
  const workspaces = readJson(join(root, repositoryFiles.rootPackage)).workspaces;
  const patterns = Array.isArray(workspaces)
    ? workspaces
    : typeof workspaces === 'object' && workspaces !== null
      ? Reflect.get(workspaces, 'packages')
      : undefined;
  return Array.isArray(patterns) ? patterns.filter((p): p is string => typeof p === 'string') : [];
}

/**
 * The repository root: the nearest folder, from `start` upwards, whose package.json declares
 * `workspaces`.
 * @throws RepositoryNotFoundError when no such folder exists.
 * @example const root = findRepositoryRoot(process.cwd());
 */
export function findRepositoryRoot(start: string): string {
  let dir = resolve(start);
  for (;;) {
    const manifest = join(dir, repositoryFiles.rootPackage);
    if (existsSync(manifest) && Array.isArray(readJson(manifest).workspaces)) return dir;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new RepositoryNotFoundError(`no package.json with workspaces at or above ${start}`);
    }
    dir = parent;
  }
}

const escapeRegExp = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** Expands one workspace pattern: folders with `*` segments, as npm's are here. */
function expandPattern(root: string, pattern: string): string[] {
  let dirs = [''];
  for (const segment of posix.normalize(pattern.replace(/^\.\//, '')).split('/')) {
    dirs = dirs.flatMap((dir) => {
      if (!segment.includes('*')) return [dir ? `${dir}/${segment}` : segment];
      const matcher = new RegExp(`^${segment.split('*').map(escapeRegExp).join('[^/]*')}$`);
      if (!existsSync(join(root, dir))) return [];
      return readdirSync(join(root, dir), { withFileTypes: true })
        .filter((e) => e.isDirectory() && !e.name.startsWith('.') && matcher.test(e.name))
        .map((e) => (dir ? `${dir}/${e.name}` : e.name));
    });
  }
  return dirs.filter((dir) => existsSync(join(root, dir, repositoryFiles.rootPackage)));
}

/**
 * Every workspace folder the root package.json declares, sorted: the set npm and turbo use.
 * @example listWorkspaceDirs(root) // ['apps/gateway', 'apps/orders', 'generators', ...]
 */
export function listWorkspaceDirs(root: string): string[] {
  const dirs = workspacePatterns(root).flatMap((pattern) => expandPattern(root, pattern));
  return [...new Set(dirs)].sort();
}

/**
 * A service's folder, relative to the repository root: the one spelling of `apps/<name>`.
 * @example serviceDir('orders') // 'apps/orders'
 */
export function serviceDir(service: string): string {
  return `${repositoryFiles.servicesDir}/${service}`;
}

/**
 * A service's manifest, relative to the repository root.
 * @example serviceManifestPath('orders') // 'apps/orders/service.yaml'
 */
export function serviceManifestPath(
  service: string,
  servicesDir: string = repositoryFiles.servicesDir,
): string {
  return `${servicesDir}/${service}/${repositoryFiles.serviceManifest}`;
}
