import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { actionlint } from '../actionlint.ts';
import { type CliSpec, parseCli } from '../cli.ts';
import { checkForkReach } from '../workflow-fork-reach.ts';
import { checkWorkflow } from '../workflow-hygiene.ts';
import { checkSecretScoping, type WorkflowSource } from '../workflow-secrets.ts';
import type { ReadLocal } from '../workflow-yaml.ts';
import { type CommandContext, rootFrom } from './command-context.ts';

/** Where the workflows live. */
const workflowsDir = '.github/workflows';

/**
 * `check-workflows`: actionlint plus this project's delivery and secret-scoping rules, on every
 * workflow. zizmor (scripts/install-lint-tools.sh) does the general security audit beside it.
 */
export const checkWorkflowsSpec: CliSpec = {
  name: 'check-workflows',
  summary:
    'Runs actionlint (WebAssembly, offline) and the delivery rules no published linter knows (one\n' +
    'deploy per environment at a time, no packages: write where a branch or pull request runs, a\n' +
    'caller grants what its reusable workflow declares, versioning apart from publishing) on every\n' +
    'workflow, and the secret-scoping rules across them (no secret that unlocks production on a path\n' +
    "a pull request starts; every job that reads a secret names its environment; a pull request's\n" +
    'jobs run in no environment but `preview`, and one a fork can start reads no secret). zizmor audits the\n' +
    'rest (pins, credentials, injection, triggers, permissions): scripts/install-lint-tools.sh.\n' +
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
 * The `action.yml` (or `action.yaml`) of every local action folder, sorted; [] without the folder.
 * @example listActionFiles(join(root, '.github/actions'))
 */
export function listActionFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .flatMap((name) =>
      ['action.yml', 'action.yaml'].map((f) => join(dir, name, f)).filter((f) => existsSync(f)),
    );
}

/**
 * Reads repository-relative files under a root, for the rules that follow local `uses:`.
 * @example checkWorkflow(text, file, localReader(root))
 */
export function localReader(root: string): ReadLocal {
  return (repoPath) => {
    const full = join(root, repoPath);
    return repoPath.includes('..') || !existsSync(full) ? undefined : readFileSync(full, 'utf8');
  };
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
  const readLocal = localReader(root);
  const lines: string[] = [];
  const sources: WorkflowSource[] = [];
  for (const file of listWorkflowFiles(join(root, dir))) {
    const relativePath = `${dir}/${file.split('/').at(-1)}`;
    const text = readFileSync(file, 'utf8');
    sources.push({ file: relativePath, text });
    for (const f of await actionlint(text, relativePath)) {
      lines.push(`${relativePath}:${f.line}:${f.column}: [actionlint ${f.kind}] ${f.message}`);
    }
    for (const p of checkWorkflow(text, relativePath, readLocal))
      lines.push(`${p.file}: [${p.rule}] ${p.message}`);
  }
  for (const p of [
    ...checkSecretScoping(sources, readLocal),
    ...checkForkReach(sources, readLocal),
  ])
    lines.push(`${p.file}: [${p.rule}] ${p.message}`);
  if (lines.length > 0) throw new Error(`\n${lines.join('\n')}`);
  write(`${dir}: ok\n`);
}
