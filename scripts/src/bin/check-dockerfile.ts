// Runs with `node --import tsx` and no build: workspace packages are read from source.
import '@slipway/platform-contract/register-source';

const { runCli } = await import('../cli.ts');
const { checkDockerfileCommand, checkDockerfileSpec } = await import(
  '../commands/check-dockerfile.ts'
);
const { processContext } = await import('../commands/command-context.ts');

await runCli(checkDockerfileSpec, (argv) => checkDockerfileCommand(argv, processContext()));
