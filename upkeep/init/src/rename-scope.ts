import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlannedFile } from '@slipway/generators';

/** Folders that are generated, installed or history: never part of the rename. */
const skippedFolders = new Set([
  '.git',
  'node_modules',
  'dist',
  '.turbo',
  'coverage',
  '.pulumi-state',
]);
// The template's upkeep, which init removes rather than renames (leave-out-upkeep.ts).
const skippedPaths = new Set(['upkeep']);

/**
 * Every file of the repository that init may rewrite: all but installed, built and tool output.
 * @example listTextFiles(repoRoot) // ['.changeset/config.json', 'apps/gateway/package.json', ...]
 */
export function listTextFiles(root: string, dir = ''): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      return skippedFolders.has(entry.name) || skippedPaths.has(path)
        ? []
        : listTextFiles(root, path);
    }
    if (!entry.isFile()) return [];
    return [path];
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every text file of the repository that mentions the scope `from`, rewritten to `to`:
 * package names, imports, the `npm create` name, the source export condition, the
 * lockfile and the docs alike, so the renamed tree stays consistent with itself.
 * A longer scope that starts the same (`<scope>-labs`) is left alone.
 * @example renameScope(repoRoot, '@slipway', '@acme') // [{ path: 'packages/config/package.json', content: ... }, ...]
 */
export function renameScope(root: string, from: string, to: string): PlannedFile[] {
  if (from === to) return [];
  const pattern = new RegExp(`${escapeRegExp(from)}(?![\\w-])`, 'g');
  return listTextFiles(root).flatMap((path) => {
    const bytes = readFileSync(join(root, path));
    if (bytes.includes(0)) return [];
    const text = bytes.toString('utf8');
    const renamed = text.replace(pattern, to);
    return renamed === text ? [] : [{ path, content: renamed }];
  });
}
