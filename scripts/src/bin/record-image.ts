// Runs with `node --import tsx` and no build: workspace packages are read from source.
import '@slipway/platform-contract/register-source';

const { runCli } = await import('../cli.js');
const { processContext } = await import('../commands/command-context.js');
const { recordImageCommand, recordImageSpec } = await import('../commands/record-image.js');

await runCli(recordImageSpec, (argv) => recordImageCommand(argv, processContext()));
