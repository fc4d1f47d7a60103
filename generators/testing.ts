// The generators' test helpers that upkeep/init's tests share: fixture repositories, commands,
// and the end-to-end copies of this repository.
export { minutes, repoRoot, useRepoCopy } from './e2e/e2e-support.js';
export { createFixtureRepo, hashTree } from './test/helpers/fixture-repo.js';
export { runCommand } from './test/helpers/run-command.js';
