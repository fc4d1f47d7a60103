// Runs with `node --import tsx` and no build: workspace packages are read from source.
import '@slipway/platform-contract/register-source';

const { runCli } = await import('../cli.js');
const { processContext } = await import('../commands/command-context.js');
const { detectChanges, detectChangesSpec } = await import('../commands/detect-changes.js');

await runCli(detectChangesSpec, (argv) => detectChanges(argv, processContext()));
