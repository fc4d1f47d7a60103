export { type GenCliOptions, genCli } from './cli/gen-cli.ts';
export type { PlannedFile } from './shared/change-plan.ts';
export { formatFiles } from './shared/format-files.ts';
export { GeneratorError } from './shared/generator-error.ts';
export { action, type PlannedEdits, registerActions } from './shared/plop-actions.ts';
export { type RepoCatalog, readRepoCatalog, type WorkspacePackage } from './shared/repo-catalog.ts';
export { runState } from './shared/run-state.ts';
export { type CopyOptions, copyRepository, type RepoCopy } from './testing/repo-copy.ts';
