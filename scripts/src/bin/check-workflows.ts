// Runs with `node --import tsx` and no build: workspace packages are read from source.
import '@slipway/platform-contract/register-source';

const { runCli } = await import('../cli.js');
const { checkWorkflowsCommand, checkWorkflowsSpec } = await import(
  '../commands/check-workflows.js'
);
const { processContext } = await import('../commands/command-context.js');

await runCli(checkWorkflowsSpec, (argv) => checkWorkflowsCommand(argv, processContext()));
