import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { actionlint } from '../actionlint.js';
import { type CliSpec, parseCli } from '../cli.js';
import { checkWorkflow } from '../workflow-hygiene.js';
import { type CommandContext, rootFrom } from './command-context.js';

/** Where the workflows live. */
export const workflowsDir = '.github/workflows';

/** `check-workflows`: actionlint plus the hygiene rules, on every workflow. */
export const checkWorkflowsSpec: CliSpec = {
  name: 'check-workflows',
  summary:
    'Runs actionlint (WebAssembly, offline) and the hygiene rules (least-privilege permissions,\n' +
    'SHA-pinned actions with version comments, checkout without persisted credentials, no\n' +
    'expressions inside run:, no pull_request_target, timeouts, deploy concurrency) on every workflow file.\n' +
    'Exits 1 listing every problem.',
  flags: {
    dir: {
      type: 'string',
      description: 'The workflows folder, relative to the root.',
      default: workflowsDir,
    },
    root: { type: 'string', description: 'Repository root. Default: this monorepo.' },
  },
};

/**
 * The workflow files of a folder (`.yml` and `.yaml`), sorted.
 * @example listWorkflowFiles(join(root, '.github/workflows'))
 */
export function listWorkflowFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/**
 * Runs `check-workflows`.
 * @example await checkWorkflowsCommand([], processContext());
 */
export async function checkWorkflowsCommand(
  argv: readonly string[],
  { write }: CommandContext,
): Promise<void> {
  const values = parseCli(checkWorkflowsSpec, argv, write);
  if (!values) return;
  const root = rootFrom(values.root);
  const dir = String(values.dir);
  const lines: string[] = [];
  for (const file of listWorkflowFiles(join(root, dir))) {
    const relativePath = `${dir}/${file.split('/').at(-1)}`;
    const text = readFileSync(file, 'utf8');
    for (const f of await actionlint(text, relativePath)) {
      lines.push(`${relativePath}:${f.line}:${f.column}: [actionlint ${f.kind}] ${f.message}`);
    }
    for (const p of checkWorkflow(text, relativePath))
      lines.push(`${p.file}: [${p.rule}] ${p.message}`);
  }
  if (lines.length > 0) throw new Error(`\n${lines.join('\n')}`);
  write(`${dir}: ok\n`);
}
