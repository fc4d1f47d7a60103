import { readPlatformFile, repositoryFiles } from '@slipway/platform-contract';
import { type CliSpec, parseCli } from '../cli.ts';
import { packageRepositoryProblems } from '../package-repository.ts';
import { type CommandContext, rootFrom } from './command-context.ts';

/** `check-packages`: what npm checks of each package's provenance, before publishing. */
export const checkPackagesSpec: CliSpec = {
  name: 'check-packages',
  summary:
    "Checks, before publishing, that every published package's repository field names the repository\n" +
    `${repositoryFiles.platform} names and its own folder, and that this is the repository the workflow\n` +
    'runs in ($GITHUB_REPOSITORY, when set): npm refuses provenance (E422) otherwise. Exits 1 listing\n' +
    'every problem.',
  flags: {
    root: { type: 'string', description: 'Repository root. Default: this monorepo.' },
  },
};

/**
 * Runs `check-packages`.
 * @example checkPackagesCommand([], processContext());
 */
export function checkPackagesCommand(
  argv: readonly string[],
  { env, write }: CommandContext,
): void {
  const values = parseCli(checkPackagesSpec, argv, write);
  if (!values) return;
  const root = rootFrom(values.root);
  const { repository } = readPlatformFile(root);
  const running = env.GITHUB_REPOSITORY?.trim();
  const problems = packageRepositoryProblems(root);
  // GitHub compares owner and name without regard to case; npm's provenance check does too.
  if (running && running.toLowerCase() !== repository.toLowerCase()) {
    problems.unshift(
      `${repositoryFiles.platform} names the repository ${repository}, but this workflow runs in ${running}: set "repository" in ${repositoryFiles.platform} to ${running} and the packages' repository fields with it (npm run init does both in a fresh fork)`,
    );
  }
  if (problems.length > 0) throw new Error(`\n${problems.join('\n')}`);
  write(`published packages name ${repository}: ok\n`);
}
