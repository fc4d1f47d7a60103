// Node runs it from source (`npm run preview -- <up|down|gc> …`; the condition comes from .npmrc).
import { runCli } from '../cli.ts';
import { processContext } from '../commands/command-context.ts';
import { previewCommand } from '../commands/preview.ts';

await runCli({ name: 'preview', summary: '', flags: {} }, (argv) =>
  previewCommand(argv, processContext()),
);
