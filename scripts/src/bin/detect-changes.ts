// Runs with `node --import tsx` and no build: workspace packages are read from source.
import '@slipway/platform-contract/register-source';

const { runCli } = await import('../cli.ts');
const { processContext } = await import('../commands/command-context.ts');
const { detectChanges, detectChangesSpec } = await import('../commands/detect-changes.ts');

await runCli(detectChangesSpec, (argv) => detectChanges(argv, processContext()));
