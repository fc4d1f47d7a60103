// Runs with `node --import tsx` and no build: workspace packages are read from source.
import '@slipway/platform-contract/register-source';

const { runCli } = await import('../cli.js');
const { processContext } = await import('../commands/command-context.js');
const { resolveCommit, resolveCommitSpec } = await import('../commands/resolve-commit.js');

await runCli(resolveCommitSpec, (argv) => resolveCommit(argv, processContext()));
