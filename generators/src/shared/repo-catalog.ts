import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listWorkspaceDirs, type PlatformFile, readPlatformFile } from '@slipway/platform-contract';
import {
  loadServiceManifests,
  ManifestError,
  type ServiceManifest,
} from '@slipway/service-manifest';

/** One npm workspace of the repository. */
export interface WorkspacePackage {
  /** Its package name, e.g. `@slipway/config` or `orders`. */
  readonly name: string;
  /** Its folder, relative to the repository root, e.g. `packages/config`. */
  readonly dir: string;
  readonly private: boolean;
}

/** What the generators know about a repository, read once per run. */
export interface RepoCatalog {
  readonly root: string;
  readonly platform: PlatformFile;
  /** Every valid service manifest; empty when {@link manifestProblem} is set. */
  readonly services: readonly ServiceManifest[];
  /** Why the manifests could not be read, when they are invalid. */
  readonly manifestProblem?: string;
  readonly workspaces: readonly WorkspacePackage[];
  /** Names of packages installed at the root (`node_modules/<name>`, scoped ones as `@s/n`). */
  readonly installed: ReadonlySet<string>;
  /** The root package.json's `engines.node` (e.g. `>=24`), which new workspaces repeat. */
  readonly nodeEngine?: string;
}

function readJson(file: string): Record<string, unknown> {
  const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
/** The workspace folders of a repository: the platform contract's repository model. */

function readWorkspaces(root: string): WorkspacePackage[] {
  return listWorkspaceDirs(root).map((dir) => {
    const pkg = readJson(join(root, dir, 'package.json'));
    return {
      name: typeof pkg.name === 'string' ? pkg.name : dir,
      dir,
      private: pkg.private === true,
    };
  });
}

function readNodeEngine(root: string): string | undefined {
  const engines = readJson(join(root, 'package.json')).engines;
  const node =
    typeof engines === 'object' && engines !== null ? Reflect.get(engines, 'node') : undefined;
  return typeof node === 'string' ? node : undefined;
}

function readInstalled(root: string): Set<string> {
  const modules = join(root, 'node_modules');
  const names = new Set<string>();
  if (!existsSync(modules)) return names;
  for (const entry of readdirSync(modules)) {
    if (entry.startsWith('.')) continue;
    if (!entry.startsWith('@')) names.add(entry);
    else for (const child of readdirSync(join(modules, entry))) names.add(`${entry}/${child}`);
  }
  return names;
}

/**
 * Reads the services, workspaces and installed packages of a repository. Invalid manifests
 * do not throw: they are reported in `manifestProblem`, so only the generators that need
 * them refuse.
 * @example const catalog = readRepoCatalog(repoRoot);
 */
export function readRepoCatalog(root: string): RepoCatalog {
  let services: ServiceManifest[] = [];
  let manifestProblem: string | undefined;
  try {
    services = loadServiceManifests(root);
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    manifestProblem = error.message;
  }
  return {
    root,
    platform: readPlatformFile(root),
    services,
    ...(manifestProblem === undefined ? {} : { manifestProblem }),
    workspaces: readWorkspaces(root),
    installed: readInstalled(root),
    nodeEngine: readNodeEngine(root),
  };
}
