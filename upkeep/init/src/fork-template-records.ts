import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  type PlannedFile,
  repositoryHash,
  templatesFolder,
  templateTreeId,
} from '@slipway/generators';

const under = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);

/** The tree id the templates folder will have once `planned` is written and `removals` gone. */
function plannedTemplatesId(
  root: string,
  planned: readonly PlannedFile[],
  removals: readonly string[],
): string {
  const scratch = mkdtempSync(join(tmpdir(), 'init-templates-'));
  try {
    cpSync(join(root, templatesFolder), join(scratch, templatesFolder), { recursive: true });
    for (const path of removals)
      if (under(path, templatesFolder))
        rmSync(join(scratch, path), { recursive: true, force: true });
    for (const file of planned) {
      if (!under(file.path, templatesFolder)) continue;
      mkdirSync(dirname(join(scratch, file.path)), { recursive: true });
      writeFileSync(join(scratch, file.path), file.content);
    }
    return templateTreeId(join(scratch, templatesFolder), repositoryHash(root));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The planned files with every service's template record moved to the renamed templates'
 * version. Init renames the templates and the services made from them alike, so a service that
 * followed the templates still does; left at the old version, `npm run sync -- --check` (a step
 * of CI) reports it lagging, and sync would merge the rename as a template change.
 * @example forkTemplateRecords(root, files, removals) // records' "version" now the renamed tree id
 */
export function forkTemplateRecords(
  root: string,
  planned: readonly PlannedFile[],
  removals: readonly string[],
): PlannedFile[] {
  if (!existsSync(join(root, templatesFolder))) return [...planned];
  const before = templateTreeId(join(root, templatesFolder), repositoryHash(root));
  const after = plannedTemplatesId(root, planned, removals);
  const pinned = `"version": "${before}"`;
  return planned.map((file) =>
    file.path.endsWith('/template.json') && file.content.includes(pinned)
      ? { ...file, content: file.content.replace(pinned, `"version": "${after}"`) }
      : file,
  );
}
