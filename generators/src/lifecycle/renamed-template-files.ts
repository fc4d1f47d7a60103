import { serviceDir } from '@slipway/platform-contract';
import type { ServiceAnswers } from '../service/service-answers.ts';
import { renderServiceFiles } from '../service/service-files.ts';
import { defaultDescription } from '../shared/description-problem.ts';
import { formatGroups } from '../shared/format-files.ts';
import type { RepoFiles } from '../shared/repo-files.ts';
import type { RepoView } from '../shared/repo-view.ts';
import { mergeFile } from '../sync/merge-file.ts';
import { isExcluded, type TemplateRecord } from '../sync/template-record.ts';
import { TemplateVersionError } from '../sync/template-tree.ts';

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
 * The files the template wrote for a service, as it writes them under its new name, merged
 * with the service's own (the team's changes kept), by path relative to the service folder.
 * The template of the recorded version is rendered with the recorded answers and with the
 * renamed ones, both formatted with the repository's Biome, and each file is merged three ways
 * as `npm run sync` does: so every form of the name the template writes (`inventory`,
 * `InventoryApi`, `INVENTORY_URL`, the derived description, comments) follows. A file the team
 * deleted, excluded, or changed where the name is (a conflict) is left out: the caller renames
 * what it can in it token by token. Empty when the template version is not to be had.
 * @example renamedTemplateFiles(repo, record, 'stock').get('src/app.ts')
 */
export function renamedTemplateFiles(
  repo: RepoView,
  record: TemplateRecord,
  to: string,
): Map<string, string> {
  const from = record.answers.name;
  const templates = recordedTemplates(repo, record.version);
  if (templates === undefined) return new Map();
  const dir = serviceDir(from);
  const render = (answers: ServiceAnswers) =>
    renderServiceFiles(templates, answers, record.repository).map((f) => ({
      ...f,
      path: `${dir}/${f.path}`,
    }));
  const { base, theirs } = formatGroups(repo.format, {
    base: render(record.answers),
    theirs: render(renamedAnswers(record.answers, to)),
  });
  const merged = new Map<string, string>();
  for (const [file, renamed] of theirs) {
    const path = file.slice(dir.length + 1);
    const ours = repo.files.read(file);
    const original = base.get(file);
    if (original === undefined || isExcluded(path, record.excluded) || ours === undefined) continue;
    const result = mergeFile(
      { base: original, ours, theirs: renamed },
      { ours: `${dir}/${path}`, theirs: `${serviceDir(to)}/${path}` },
    );
    if (result.conflicts === 0) merged.set(path, result.content);
  }
  return merged;
}

/** The templates of the recorded version, or undefined when git does not hold it. */
function recordedTemplates(repo: RepoView, version: string): RepoFiles | undefined {
  try {
    return repo.templatesAt(version);
  } catch (error) {
    if (error instanceof TemplateVersionError) return undefined;
    throw error;
  }
}
