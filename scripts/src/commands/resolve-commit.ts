import { type CliSpec, optionalString, parseCli, UsageError, writeGithubOutputs } from '../cli.ts';
import { parseCommitSha } from '../commit-sha.ts';
import { commitExists, isAncestor } from '../git.ts';
import { type CommandContext, rootFrom } from './command-context.ts';

/** `resolve-commit`: validates the commit a deployment is for. */
export const resolveCommitSpec: CliSpec = {
  name: 'resolve-commit',
  summary:
    'Validates the commit to deploy: the workflow_dispatch input when given (a rollback), else the\n' +
    'pushed commit. It must be a full 40-character hex SHA that the clone has and that is reachable\n' +
    'from the checked-out branch, so only reviewed commits of main can be deployed.\n' +
    'Outputs (to $GITHUB_OUTPUT and stdout): sha, redeploy (true when --sha was given).',
  flags: {
    sha: { type: 'string', description: 'Commit requested by a person (untrusted); may be empty.' },
    default: { type: 'string', description: 'Commit to use when --sha is empty (github.sha).' },
    branch: {
      type: 'string',
      description: 'The branch head the commit must be on.',
      default: 'HEAD',
    },
    root: { type: 'string', description: 'Repository root. Default: this monorepo.' },
  },
  notes: ['Example: resolve-commit --sha "$INPUT_SHA" --default "$GITHUB_SHA"'],
};

/**
 * Runs `resolve-commit`.
 * @example resolveCommit(['--default', sha], processContext());
 */
export function resolveCommit(argv: readonly string[], { env, write }: CommandContext): void {
  const values = parseCli(resolveCommitSpec, argv, write);
  if (!values) return;
  const requested = optionalString(values, 'sha');
  const fallback = optionalString(values, 'default');
  if (!requested && !fallback) throw new UsageError('give --sha or --default');
  const sha = parseCommitSha(requested ?? fallback ?? '', requested ? 'sha' : 'default');
  const root = rootFrom(values.root);
  const branch = String(values.branch);
  if (!commitExists(root, sha)) {
    throw new Error(`commit ${sha} is not in this clone (fetch full history, or check the SHA)`);
  }
  if (!isAncestor(root, sha, branch)) {
    throw new Error(
      `commit ${sha} is not on ${branch}: only commits of the deployed branch can be deployed`,
    );
  }
  const outputs = { sha, redeploy: String(Boolean(requested)) };
  writeGithubOutputs(outputs, env.GITHUB_OUTPUT);
  write(`${JSON.stringify(outputs)}\n`);
}
