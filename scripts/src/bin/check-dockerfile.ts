import { runCli } from '../cli.js';
import { checkDockerfileCommand, checkDockerfileSpec } from '../commands/check-dockerfile.js';
import { processContext } from '../commands/command-context.js';

await runCli(checkDockerfileSpec, (argv) => checkDockerfileCommand(argv, processContext()));
