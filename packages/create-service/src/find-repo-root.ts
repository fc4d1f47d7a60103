import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Where a Slipway repository keeps its plopfile, relative to its root.
 * @example join(findRepoRoot(process.cwd()) ?? '.', plopfilePath)
 */
export const plopfilePath = 'generators/plopfile.ts';

function isRepoRoot(dir: string): boolean {
  const file = join(dir, 'package.json');
  if (!existsSync(file) || !existsSync(join(dir, plopfilePath))) return false;
  const pkg: unknown = JSON.parse(readFileSync(file, 'utf8'));
  return typeof pkg === 'object' && pkg !== null && 'workspaces' in pkg;
}

/**
 * The root of the Slipway repository that contains `from`: the nearest folder at or above
 * it whose package.json declares workspaces and that has the generators' plopfile.
 * @returns undefined when `from` is not inside such a repository.
 * @example findRepoRoot(process.cwd()) // '/home/me/platform'
 */
export function findRepoRoot(from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (isRepoRoot(dir)) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
