import { runCli } from '../cli.js';
import { processContext } from '../commands/command-context.js';
import { setStackImagesCommand, setStackImagesSpec } from '../commands/set-stack-images.js';

await runCli(setStackImagesSpec, (argv) => setStackImagesCommand(argv, processContext()));
