import { execFileSync } from 'node:child_process';
import { findSchemathesis } from '@slipway/api-fuzz';

/**
 * Points the fuzz tests of renamed copies at the template's own schemathesis: `init` renames the
 * tool cache folder with the product, and the renamed one is empty on this machine.
 */
export function shareTemplateSchemathesis(): void {
  process.env.SCHEMATHESIS_BIN ??= findSchemathesis();
}

/**
 * Makes a copy a git repository with one commit and a GitHub `origin`, as a fork cloned from
 * GitHub is: some of its tests ask git what changed, and init takes the repository from origin.
 */
export function commitAsFork(root: string): void {
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.com', ...args], {
      cwd: root,
    });
  git('init', '--quiet');
  git('add', '--all');
  git('commit', '--quiet', '--no-verify', '--message', 'fork of the template');
  git('remote', 'add', 'origin', 'git@github.com:acme/platform.git');
}
