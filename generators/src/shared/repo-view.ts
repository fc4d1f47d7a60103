import { fileURLToPath } from 'node:url';
import { readTemplatesAt, repositoryHash, templateTreeId } from '../sync/template-tree.ts';
import type { PlannedFile } from './change-plan.ts';
import { formatFiles } from './format-files.ts';
import { type RepoCatalog, readRepoCatalog } from './repo-catalog.ts';
import { diskFiles, type RepoFiles } from './repo-files.ts';

/**
 * What a planner sees of the repository: facts read once, its files and the generators'
 * templates read-only, and the repository's formatter. {@link readRepoView} reads the disk;
 * a test builds one over {@link memoryFiles}.
 */
export interface RepoView {
  readonly catalog: RepoCatalog;
  /** The repository's files, paths relative to its root. */
  readonly files: RepoFiles;
  /** The template folders (`service/`, `package/`...), as `generators/templates` holds them. */
  readonly templates: RepoFiles;
  /** The version of the templates, recorded in each new service (the git tree id). */
  readonly templateVersion: () => string;
  /**
   * The templates of an earlier version (the one a service records), from git.
   * @throws TemplateVersionError when the repository does not hold that version.
   */
  readonly templatesAt: (version: string) => RepoFiles;
  /** Formats files as the repository's Biome would; returns them unchanged without Biome. */
  readonly format: (files: readonly PlannedFile[]) => PlannedFile[];
}

/** The templates beside this code: a repository's generators render the templates they came with. */
const ownTemplates = fileURLToPath(new URL('../../templates', import.meta.url));

/**
 * The repository at `root` as the generators see it, with the templates in `templatesDir`
 * (default: the ones beside this code; sync reads the repository's own).
 * @example const repo = readRepoView(root); serviceGenerator.plan(answers, repo)
 */
export function readRepoView(root: string, templatesDir = ownTemplates): RepoView {
  const templates = diskFiles(templatesDir);
  let version: string | undefined;
  const templateVersion = () => {
    version ??= templateTreeId(templatesDir, repositoryHash(root));
    return version;
  };
  return {
    catalog: readRepoCatalog(root),
    files: diskFiles(root),
    templates,
    templateVersion,
    templatesAt: (wanted) =>
      wanted === templateVersion() ? templates : readTemplatesAt(root, wanted),
    format: (files) => formatFiles(root, files),
  };
}
