import { runCli } from '../cli.js';
import { processContext } from '../commands/command-context.js';
import { detectChanges, detectChangesSpec } from '../commands/detect-changes.js';

await runCli(detectChangesSpec, (argv) => detectChanges(argv, processContext()));
