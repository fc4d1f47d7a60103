export { type GenCliOptions, genCli } from './cli/gen-cli.js';
export type { PlannedFile } from './shared/change-plan.js';
export { formatFiles } from './shared/format-files.js';
export { GeneratorError } from './shared/generator-error.js';
export { action, type PlannedEdits, registerActions } from './shared/plop-actions.js';
export { type RepoCatalog, readRepoCatalog, type WorkspacePackage } from './shared/repo-catalog.js';
export { runState } from './shared/run-state.js';
export { type CopyOptions, copyRepository, type RepoCopy } from './testing/repo-copy.js';
