import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlannedFile } from '@slipway/generators';
import type { ProductNames } from '@slipway/platform-contract';
import type { PlannedEdits } from './plop-actions.ts';
import { renameProduct } from './product-rename.ts';
import { listTextFiles } from './rename-scope.ts';

/**
 * Files init leaves as they are: the forking guide describes the template and its names, for
 * the fork that keeps taking the template's changes.
 */
const unrenamedFiles: ReadonlySet<string> = new Set(['docs/forking.md']);

/** The names init changes: the package scope and the product name, each from → to. */
export interface PlatformRename {
  readonly scope: { readonly from: string; readonly to: string };
  readonly product: { readonly from: ProductNames; readonly to: ProductNames };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A text with the scope and every spelling of the product name renamed, in one pass: a new
 * scope or product name that contains the old one is never renamed twice.
 * @example renameText('@tmpl/config in tmpl-dev', rename) // '@acme/config in acme-dev'
 */
export function renameText(text: string, { scope, product }: PlatformRename): string {
  const scopePattern = new RegExp(`${escapeRegExp(scope.from)}(?![\\w-])`);
  return text
    .split(scopePattern)
    .map((part) => renameProduct(part, product.from, product.to))
    .join(scope.to);
}

/**
 * Every text file of the repository renamed for a fork: package names, imports, the `npm
 * create` name and the source condition under the new scope; namespaces, labels, the secret
 * mount, Pulumi projects (hence config keys and StackReferences), type tokens, CI variables,
 * database names and the bins under the new product name. A file whose path names the product
 * (the bins) moves. Binary files, installed packages, build output and {@link unrenamedFiles}
 * are left alone.
 * @example renamePlatform(repoRoot, rename) // { files: [...], removals: ['packages/dev/bin/tmpl-dev.js'] }
 */
export function renamePlatform(root: string, rename: PlatformRename): PlannedEdits {
  const files: PlannedFile[] = [];
  const removals: string[] = [];
  for (const path of listTextFiles(root)) {
    if (unrenamedFiles.has(path)) continue;
    const bytes = readFileSync(join(root, path));
    if (bytes.includes(0)) continue;
    const text = bytes.toString('utf8');
    const renamed = renameText(text, rename);
    const newPath = renameProduct(path, rename.product.from, rename.product.to);
    if (newPath !== path) {
      files.push({ path: newPath, content: renamed });
      removals.push(path);
    } else if (renamed !== text) {
      files.push({ path, content: renamed });
    }
  }
  return { files, removals };
}
