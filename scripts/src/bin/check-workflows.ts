// Runs with `node --import tsx` and no build: workspace packages are read from source.
import '@slipway/platform-contract/register-source';

const { runCli } = await import('../cli.ts');
const { checkWorkflowsCommand, checkWorkflowsSpec } = await import(
  '../commands/check-workflows.ts'
);
const { processContext } = await import('../commands/command-context.ts');

await runCli(checkWorkflowsSpec, (argv) => checkWorkflowsCommand(argv, processContext()));
