import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildService } from '@slipway/dev';

/** The repository root, where turbo runs. */
export const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));

/**
 * Builds the named workspaces through turbo, so an unchanged service is a cache hit and a
 * changed one is never measured stale.
 * @example buildServices(['gateway']);
 */
export function buildServices(workspaces: readonly string[]): void {
  const turbo = fileURLToPath(new URL('../../../../node_modules/.bin/turbo', import.meta.url));
  execFileSync(
    turbo,
    ['run', 'build', ...workspaces.map((name) => `--filter=${name}`), '--output-logs=errors-only'],
    { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] },
  );
}

/**
 * Bundles a fixture service, `fixtures/<name>/index.ts`, the way `slipway-build` bundles a
 * service, and returns the bundle's path (`fixtures/<name>/dist/index.js`).
 * @example const script = await buildFixture('post-service');
 */
export async function buildFixture(name: string): Promise<string> {
  const serviceDir = fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));
  const { outfile } = await buildService({ serviceDir, entry: 'index.ts', assets: [] });
  return outfile;
}
