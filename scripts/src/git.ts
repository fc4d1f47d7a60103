import { execFileSync } from 'node:child_process';

/**
 * Runs git in a repository and returns its trimmed stdout. Arguments are passed as an array,
 * never through a shell, so no value can be interpreted as a command.
 * @throws Error with git's stderr when git fails.
 * @example const head = git(root, ['rev-parse', 'HEAD']);
 */
export function git(cwd: string, args: readonly string[]): string {
  try {
    return execFileSync('git', [...args], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    }).trim();
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`git ${args.join(' ')} failed${stderr ? `: ${stderr}` : ''}`);
  }
}

/**
 * Whether a commit exists in the local clone (a shallow clone or a force-push can lose it).
 * @example if (!commitExists(root, base)) selectEverything();
 */
export function commitExists(cwd: string, rev: string): boolean {
  try {
    git(cwd, ['cat-file', '-e', `${rev}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether `ancestor` is reachable from `descendant` (or is it).
 * @example isAncestor(root, sha, 'HEAD') // the rollback target is on this branch
 */
export function isAncestor(cwd: string, ancestor: string, descendant: string): boolean {
  try {
    git(cwd, ['merge-base', '--is-ancestor', ancestor, descendant]);
    return true;
  } catch {
    return false;
  }
}

/**
 * The repository-relative paths that differ between two commits (renames count as both
 * their old and new path, so moving a file out of a service still selects it).
 * @example changedFiles(root, before, after) // ['apps/orders/src/app.ts']
 */
export function changedFiles(cwd: string, base: string, head: string): string[] {
  const out = git(cwd, ['diff', '--name-only', '--no-renames', '-z', base, head]);
  return out.split('\0').filter((file) => file.length > 0);
}
