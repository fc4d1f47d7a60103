import { execFileSync } from 'node:child_process';
import { findSchemathesis } from '@slipway/api-fuzz';
import { productNames, productNamesOf } from '@slipway/platform-contract';

/**
 * Points the tests of a copy renamed to `product` at the template's own test tools: `init`
 * renames the tool cache folders and variables with the product, and the renamed ones are empty
 * on this machine. schemathesis for the fuzz tests; promtool (which CI builds and names in
 * `<PRODUCT>_PROMTOOL`) for the alert rules' tests, which CI never lets skip.
 */
export function shareTemplateTools(product: string): void {
  process.env.SCHEMATHESIS_BIN ??= findSchemathesis();
  const promtool = process.env[`${productNames.ciVariablePrefix}PROMTOOL`];
  const forkVariable = `${productNamesOf(product).ciVariablePrefix}PROMTOOL`;
  if (promtool) process.env[forkVariable] ??= promtool;
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
