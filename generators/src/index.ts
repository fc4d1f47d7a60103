export { type GenCliOptions, genCli } from './cli/gen-cli.ts';
export { type RunGenOptions, runGen } from './cli/run-gen.ts';
export {
  applyPlan,
  describePlan,
  normalizePlan,
  type PlannedDirectory,
  type PlannedFile,
  type PlannedMove,
} from './shared/change-plan.ts';
export { formatFiles } from './shared/format-files.ts';
export type { GeneratorOptions, GeneratorReport } from './shared/generator.ts';
export { GeneratorError } from './shared/generator-error.ts';
export { linkWorkspaces } from './shared/link-workspaces.ts';
export { type RepoCatalog, readRepoCatalog, type WorkspacePackage } from './shared/repo-catalog.ts';
export { repositoryHash, templatesFolder, templateTreeId } from './sync/template-tree.ts';
export { type CopyOptions, copyRepository, type RepoCopy } from './testing/repo-copy.ts';
