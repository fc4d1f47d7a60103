// Runs with `node --import tsx` and no build: workspace packages are read from source.
import '@slipway/platform-contract/register-source';

const { runCli } = await import('../cli.ts');
const { checkPackagesCommand, checkPackagesSpec } = await import('../commands/check-packages.ts');
const { processContext } = await import('../commands/command-context.ts');

await runCli(checkPackagesSpec, (argv) => checkPackagesCommand(argv, processContext()));
