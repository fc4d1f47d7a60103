import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The git-ignored file of local-only variables (secrets, mostly) that slipway-dev loads. */
export const envFileName = '.env';

/**
 * The `.env` files a service may have under slipway-dev, weakest first: the repository's, then
 * the service folder's own, so a value in the service's file wins over the shared one.
 * @example envFiles('/repo', '/repo/apps/orders') // ['/repo/.env', '/repo/apps/orders/.env']
 */
export function envFiles(repoRoot: string, serviceDir: string): string[] {
  const files = [join(repoRoot, envFileName), join(serviceDir, envFileName)];
  return [...new Set(files)];
}

/**
 * The Node flags that load those of {@link envFiles} that exist, through Node's own env-file
 * support: `--env-file-if-exists=<file>`, later files overriding earlier ones. Variables already
 * in the process's environment (your shell, the manifest's config, `--env`) are never replaced,
 * and no file is required. Files that are missing now get no flag, because Node prints a notice
 * for each missing one at every start; the `-if-exists` form still tolerates a file deleted
 * while the service runs.
 * @example spawn(process.execPath, [...envFileFlags(repoRoot, serviceDir), 'src/index.ts'])
 */
export function envFileFlags(
  repoRoot: string,
  serviceDir: string,
  exists: (file: string) => boolean = existsSync,
): string[] {
  return envFiles(repoRoot, serviceDir)
    .filter((file) => exists(file))
    .map((file) => `--env-file-if-exists=${file}`);
}
