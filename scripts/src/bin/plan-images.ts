import { runCli } from '../cli.js';
import { processContext } from '../commands/command-context.js';
import { planImagesCommand, planImagesSpec } from '../commands/plan-images.js';

await runCli(planImagesSpec, (argv) => planImagesCommand(argv, processContext()));
