import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listWorkspaceDirs } from '@slipway/platform-contract';

/** One npm workspace: its package name, folder and the workspace packages it depends on. */
export interface Workspace {
  readonly name: string;
  /** Repository-relative folder with forward slashes, e.g. `apps/orders`. */
  readonly dir: string;
  /** Names of every package it depends on (any dependency field), workspace or not. */
  readonly dependencies: readonly string[];
}

interface PackageJson {
  name?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const dependencyFields = [
  'dependencies',
  'devDependencies',
  'optionalDependencies',
  'peerDependencies',
] as const;

function readPackageJson(file: string): PackageJson {
  return JSON.parse(readFileSync(file, 'utf8')) as PackageJson;
}

/**
 * Reads every workspace the root package.json declares (the platform contract's repository
 * model: the same set npm and turbo use), with the packages each depends on.
 * @example const workspaces = readWorkspaces(root); // [{ name: 'orders', dir: 'apps/orders', … }]
 */
export function readWorkspaces(root: string): Workspace[] {
  return listWorkspaceDirs(root).map((dir) => {
    const pkg = readPackageJson(join(root, dir, 'package.json'));
    const dependencies = new Set<string>();
    for (const field of dependencyFields) {
      for (const name of Object.keys(pkg[field] ?? {})) dependencies.add(name);
    }
    return { name: pkg.name ?? dir, dir, dependencies: [...dependencies].sort() };
  });
}
