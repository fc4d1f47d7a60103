import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceAnswers } from '../service/service-answers.ts';
import { renderServiceFiles } from '../service/service-files.ts';
import { defaultDescription } from '../shared/description-problem.ts';
import { formatFiles } from '../shared/format-files.ts';
import { mergeFile } from '../sync/merge-file.ts';
import { isExcluded, type TemplateRecord } from '../sync/template-record.ts';
import {
  extractTemplates,
  repositoryHash,
  TemplateVersionError,
  templateTreeId,
} from '../sync/template-tree.ts';

/**
 * A service's answers under its new name: a description the generator derived from the old
 * name (nothing was typed) is derived again from the new one; a typed one stays.
 * @example renamedAnswers({ name: 'inventory', description: 'The inventory service.', ... }, 'stock').description // 'The stock service.'
 */
export function renamedAnswers(answers: ServiceAnswers, to: string): ServiceAnswers {
  const derived = answers.description === defaultDescription(answers.name);
  return {
    ...answers,
    name: to,
    description: derived ? defaultDescription(to) : answers.description,
  };
}

/**
 * Runs `use` with the templates of the recorded version: the current ones when they are that
 * version (no git needed), else that version from git. Undefined when git does not hold it.
 */
function withRecordedTemplates<T>(
  root: string,
  templatesDir: string,
  version: string,
  use: (dir: string) => T,
): T | undefined {
  if (templateTreeId(templatesDir, repositoryHash(root)) === version) return use(templatesDir);
  const scratch = mkdtempSync(join(tmpdir(), 'slipway-rename-'));
  try {
    extractTemplates(root, version, scratch);
    return use(scratch);
  } catch (error) {
    if (error instanceof TemplateVersionError) return undefined;
    throw error;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The files the template wrote for a service, as it writes them under its new name, merged
 * with the service's own (the team's changes kept), by path relative to the service folder.
 * The template of the recorded version is rendered with the recorded answers and with the
 * renamed ones, both formatted with the repository's Biome, and each file is merged three ways
 * as `npm run sync` does: so every form of the name the template writes (`inventory`,
 * `InventoryApi`, `INVENTORY_URL`, the derived description, comments) follows. A file the team
 * deleted, excluded, or changed where the name is (a conflict) is left out: the caller renames
 * what it can in it token by token. Empty when the template version is not to be had.
 * @example renamedTemplateFiles(root, templatesDir, record, 'stock').get('src/app.ts')
 */
export function renamedTemplateFiles(
  root: string,
  templatesDir: string,
  record: TemplateRecord,
  to: string,
): Map<string, string> {
  const from = record.answers.name;
  const renders = withRecordedTemplates(root, templatesDir, record.version, (dir) => {
    const sides = [
      { side: 'base', answers: record.answers },
      { side: 'theirs', answers: renamedAnswers(record.answers, to) },
    ].flatMap(({ side, answers }) =>
      renderServiceFiles(dir, answers, record.repository).map((f) => ({
        path: `${side}/apps/${from}/${f.path}`,
        content: f.content,
      })),
    );
    return formatFiles(root, sides);
  });
  const side = (prefix: string) =>
    new Map(
      (renders ?? [])
        .filter((f) => f.path.startsWith(prefix))
        .map((f) => [f.path.slice(prefix.length), f.content]),
    );
  const base = side(`base/apps/${from}/`);
  const theirs = side(`theirs/apps/${from}/`);
  const merged = new Map<string, string>();
  for (const [path, renamed] of theirs) {
    const file = join(root, 'apps', from, path);
    const original = base.get(path);
    if (original === undefined || isExcluded(path, record.excluded) || !existsSync(file)) continue;
    const result = mergeFile(
      { base: original, ours: readFileSync(file, 'utf8'), theirs: renamed },
      { ours: `apps/${from}/${path}`, theirs: `apps/${to}/${path}` },
    );
    if (result.conflicts === 0) merged.set(path, result.content);
  }
  return merged;
}
