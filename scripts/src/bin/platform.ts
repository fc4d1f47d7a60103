// Runs with `node --import tsx` and no build: workspace packages are read from source.
import '@slipway/platform-contract/register-source';

const { runCli } = await import('../cli.js');
const { processContext } = await import('../commands/command-context.js');
const { platform, platformSpec } = await import('../commands/platform.js');

await runCli(platformSpec, (argv) => platform(argv, processContext()));
