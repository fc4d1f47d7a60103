// Runs with `node --import tsx` and no build: workspace packages are read from source.
import '@slipway/platform-contract/register-source';

const { runCli } = await import('../cli.js');
const { processContext } = await import('../commands/command-context.js');
const { setStackImagesCommand, setStackImagesSpec } = await import(
  '../commands/set-stack-images.js'
);

await runCli(setStackImagesSpec, (argv) => setStackImagesCommand(argv, processContext()));
