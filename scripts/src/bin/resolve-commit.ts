import { runCli } from '../cli.js';
import { processContext } from '../commands/command-context.js';
import { resolveCommit, resolveCommitSpec } from '../commands/resolve-commit.js';

await runCli(resolveCommitSpec, (argv) => resolveCommit(argv, processContext()));
