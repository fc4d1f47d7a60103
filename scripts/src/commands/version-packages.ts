import { execFileSync } from 'node:child_process';
import { type CliSpec, parseCli } from '../cli.ts';
import { type CommandContext, rootFrom } from './command-context.ts';

/** `version-packages`: what the release workflow's version PR runs. */
export const versionPackagesSpec: CliSpec = {
  name: 'version-packages',
  summary:
    'Applies the pending changesets (`changeset version`: bumps versions, writes changelogs) and\n' +
    'then refreshes package-lock.json so `npm ci` keeps passing on the version PR.',
  flags: {
    root: { type: 'string', description: 'Repository root. Default: this monorepo.' },
  },
};

/**
 * Runs `version-packages`; the command runner is injectable for tests.
 * @example versionPackages([], processContext());
 */
export function versionPackages(
  argv: readonly string[],
  { write }: CommandContext,
  run: (command: string, args: readonly string[], cwd: string) => void = (command, args, cwd) => {
    execFileSync(command, [...args], { cwd, stdio: 'inherit' });
  },
): void {
  const values = parseCli(versionPackagesSpec, argv, write);
  if (!values) return;
  const root = rootFrom(values.root);
  run('npx', ['changeset', 'version'], root);
  run(
    'npm',
    ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'],
    root,
  );
}
