// Runs with `node --import tsx` and no build: workspace packages are read from source.
import '@slipway/platform-contract/register-source';

const { runCli } = await import('../cli.js');
const { checkPackagesCommand, checkPackagesSpec } = await import('../commands/check-packages.js');
const { processContext } = await import('../commands/command-context.js');

await runCli(checkPackagesSpec, (argv) => checkPackagesCommand(argv, processContext()));
