// Node runs it from source (`node --conditions=@slipway/source scripts/src/bin/<name>.ts`; npm
// scripts get the condition from .npmrc), and workspace packages are read from source too.
import { runCli } from '../cli.ts';
import { checkWorkflowsCommand, checkWorkflowsSpec } from '../commands/check-workflows.ts';
import { processContext } from '../commands/command-context.ts';

await runCli(checkWorkflowsSpec, (argv) => checkWorkflowsCommand(argv, processContext()));
