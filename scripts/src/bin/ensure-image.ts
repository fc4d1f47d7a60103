// Runs with `node --import tsx` and no build: workspace packages are read from source.
import '@slipway/platform-contract/register-source';

const { runCli } = await import('../cli.js');
const { processContext } = await import('../commands/command-context.js');
const { ensureImageCommand, ensureImageSpec } = await import('../commands/ensure-image.js');

await runCli(ensureImageSpec, (argv) => ensureImageCommand(argv, processContext()));
