import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root, where turbo runs. */
export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * Builds the named workspaces through turbo, so an unchanged service is a cache hit and a
 * changed one is never measured stale.
 * @example buildServices(['gateway']);
 */
export function buildServices(workspaces: readonly string[]): void {
  const turbo = fileURLToPath(new URL('../../../node_modules/.bin/turbo', import.meta.url));
  execFileSync(
    turbo,
    ['run', 'build', ...workspaces.map((name) => `--filter=${name}`), '--output-logs=errors-only'],
    { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] },
  );
}
