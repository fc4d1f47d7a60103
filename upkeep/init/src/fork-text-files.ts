import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlannedFile } from '@slipway/generators';
import { listTextFiles } from './rename-scope.ts';

/** What rewriting a repository's text files for a fork changes. */
export interface ForkedTextFiles {
  /** The files whose text changed, and every file init had already planned, with their new text. */
  readonly files: PlannedFile[];
  /** The files left with nothing in them, for removal. */
  readonly emptied: string[];
}

/**
 * Rewrites every text file of the repository for a fork with `forkText`, starting from the
 * content init already planned for a file (renamed) rather than the one on disk. Files `skip`
 * names (what the fork removes anyway) and binary files are left alone.
 * @example forkTextFiles(root, renamed, (path, text) => text.replace('a', 'b'), (path) => path.startsWith('upkeep/'))
 */
export function forkTextFiles(
  root: string,
  planned: readonly PlannedFile[],
  forkText: (path: string, text: string) => string,
  skip: (path: string) => boolean,
): ForkedTextFiles {
  const plannedByPath = new Map(planned.map((file) => [file.path, file.content]));
  const files: PlannedFile[] = [];
  const emptied: string[] = [];
  for (const path of listTextFiles(root)) {
    if (skip(path)) continue;
    const before = plannedByPath.get(path);
    const bytes = before === undefined ? readFileSync(join(root, path)) : undefined;
    if (bytes?.includes(0)) continue;
    const text = before ?? bytes?.toString('utf8') ?? '';
    const after = forkText(path, text);
    if (after.trim() === '') emptied.push(path);
    else if (after !== text || before !== undefined) files.push({ path, content: after });
    plannedByPath.delete(path);
  }
  // Planned files not on disk yet keep their content, unless the fork removes where they go.
  for (const [path, content] of plannedByPath) if (!skip(path)) files.push({ path, content });
  return { files, emptied };
}
