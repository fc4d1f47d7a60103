import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Finds the monorepo root: the nearest folder, from `start` upwards, whose package.json
 * declares `workspaces`. Scripts default to it so they work from any working directory.
 * @throws Error when no such folder exists.
 * @example const root = findRepoRoot();
 */
export function findRepoRoot(start: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = resolve(start);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { workspaces?: unknown };
      if (Array.isArray(pkg.workspaces)) return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json with workspaces above ${start}`);
    dir = parent;
  }
}
