// Runs with `node --import tsx` and no build: workspace packages are read from source.
import '@slipway/platform-contract/register-source';

const { runCli } = await import('../cli.ts');
const { processContext } = await import('../commands/command-context.ts');
const { setStackImagesCommand, setStackImagesSpec } = await import(
  '../commands/set-stack-images.ts'
);

await runCli(setStackImagesSpec, (argv) => setStackImagesCommand(argv, processContext()));
