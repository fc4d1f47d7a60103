import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findRepositoryRoot } from '@slipway/platform-contract';

/**
 * The monorepo root (the platform contract's repository model), from `start` upwards; by
 * default from this file, so scripts work from any working directory.
 * @throws RepositoryNotFoundError when no folder above has a package.json with workspaces.
 * @example const root = scriptsRepoRoot();
 */
export function scriptsRepoRoot(start: string = dirname(fileURLToPath(import.meta.url))): string {
  return findRepositoryRoot(start);
}
