// Runs with `node --import tsx` and no build: workspace packages are read from source.
import '@slipway/platform-contract/register-source';

const { runCli } = await import('../cli.ts');
const { processContext } = await import('../commands/command-context.ts');
const { resolveCommit, resolveCommitSpec } = await import('../commands/resolve-commit.ts');

await runCli(resolveCommitSpec, (argv) => resolveCommit(argv, processContext()));
