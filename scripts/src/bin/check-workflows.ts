import { runCli } from '../cli.js';
import { checkWorkflowsCommand, checkWorkflowsSpec } from '../commands/check-workflows.js';
import { processContext } from '../commands/command-context.js';

await runCli(checkWorkflowsSpec, (argv) => checkWorkflowsCommand(argv, processContext()));
