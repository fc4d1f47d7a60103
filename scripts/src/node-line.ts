import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file that owns the repository's Node line: setup-node, nvm and fnm read it too. */
const nodeVersionFile = '.nvmrc';

/**
 * The Node major the repository runs on, from its `.nvmrc` (a bare major such as `24`, or a
 * version such as `24.1.0`); `undefined` when the file is missing or names no number
 * (`lts/*`, `node`).
 * @example readNodeMajor(root) // 24
 */
export function readNodeMajor(root: string): number | undefined {
  const file = join(root, nodeVersionFile);
  if (!existsSync(file)) return undefined;
  const match = /^v?(\d+)(?:\.\d+){0,2}$/.exec(readFileSync(file, 'utf8').trim());
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
