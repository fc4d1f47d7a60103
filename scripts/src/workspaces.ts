import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

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
  workspaces?: string[] | { packages?: string[] };
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

/** Expands one workspace pattern; npm's patterns here are folders with `*` segments. */
function expandPattern(root: string, pattern: string): string[] {
  const segments = posix.normalize(pattern.replace(/^\.\//, '')).split('/');
  let dirs = [''];
  for (const segment of segments) {
    const next: string[] = [];
    for (const dir of dirs) {
      if (!segment.includes('*')) {
        next.push(dir ? `${dir}/${segment}` : segment);
        continue;
      }
      const matcher = new RegExp(`^${segment.split('*').map(escapeRegExp).join('[^/]*')}$`);
      const full = join(root, dir);
      if (!existsSync(full)) continue;
      for (const entry of readdirSync(full, { withFileTypes: true })) {
        if (entry.isDirectory() && !entry.name.startsWith('.') && matcher.test(entry.name)) {
          next.push(dir ? `${dir}/${entry.name}` : entry.name);
        }
      }
    }
    dirs = next;
  }
  return dirs.filter((dir) => existsSync(join(root, dir, 'package.json')));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Reads every workspace the root package.json declares, the same set npm and turbo use.
 * @example const workspaces = readWorkspaces(root); // [{ name: 'orders', dir: 'apps/orders', … }]
 */
export function readWorkspaces(root: string): Workspace[] {
  const rootPkg = readPackageJson(join(root, 'package.json'));
  const patterns = Array.isArray(rootPkg.workspaces)
    ? rootPkg.workspaces
    : (rootPkg.workspaces?.packages ?? []);
  const dirs = [...new Set(patterns.flatMap((pattern) => expandPattern(root, pattern)))].sort();
  return dirs.map((dir) => {
    const pkg = readPackageJson(join(root, dir, 'package.json'));
    const dependencies = new Set<string>();
    for (const field of dependencyFields) {
      for (const name of Object.keys(pkg[field] ?? {})) dependencies.add(name);
    }
    return { name: pkg.name ?? dir, dir, dependencies: [...dependencies].sort() };
  });
}
