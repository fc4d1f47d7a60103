// The generators' test helpers that other workspaces' tests share (init's): fixture repositories,
// and the end-to-end copies of this repository.
export { failedTaskLogs, minutes, repoRoot, useRepoCopy } from './e2e/e2e-support.ts';
export { createFixtureRepo, hashTree } from './test/helpers/fixture-repo.ts';
export { runGenerator } from './test/helpers/load-plop.ts';
export { runCommand } from './test/helpers/run-command.ts';
