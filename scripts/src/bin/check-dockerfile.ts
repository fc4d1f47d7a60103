// Runs with `node --import tsx` and no build: workspace packages are read from source.
import '@slipway/platform-contract/register-source';

const { runCli } = await import('../cli.js');
const { checkDockerfileCommand, checkDockerfileSpec } = await import(
  '../commands/check-dockerfile.js'
);
const { processContext } = await import('../commands/command-context.js');

await runCli(checkDockerfileSpec, (argv) => checkDockerfileCommand(argv, processContext()));
