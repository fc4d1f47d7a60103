import { runCli } from '../cli.js';
import { processContext } from '../commands/command-context.js';
import { platform, platformSpec } from '../commands/platform.js';

await runCli(platformSpec, (argv) => platform(argv, processContext()));
