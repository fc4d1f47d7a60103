// Runs with `node --import tsx` and no build: workspace packages are read from source.
import '@slipway/platform-contract/register-source';

const { runCli } = await import('../cli.ts');
const { processContext } = await import('../commands/command-context.ts');
const { planImagesCommand, planImagesSpec } = await import('../commands/plan-images.ts');

await runCli(planImagesSpec, (argv) => planImagesCommand(argv, processContext()));
