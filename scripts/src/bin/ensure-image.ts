import { runCli } from '../cli.js';
import { processContext } from '../commands/command-context.js';
import { ensureImageCommand, ensureImageSpec } from '../commands/ensure-image.js';

await runCli(ensureImageSpec, (argv) => ensureImageCommand(argv, processContext()));
