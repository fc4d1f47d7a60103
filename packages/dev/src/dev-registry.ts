import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Which services a slipway-dev runs right now, so a caller can tell a callee that is still
// starting (wait for it) from one nobody started (say so at once). One folder per repository,
// outside it, one file per service holding the slipway-dev's pid.

/**
 * The folder where the slipway-devs of the repository at `repoRoot` note themselves.
 * @example registryDir('/work/slipway'); // '/tmp/slipway-dev/3f2a…'
 */
export function registryDir(repoRoot: string, base: string = tmpdir()): string {
  const id = createHash('sha256').update(repoRoot).digest('hex').slice(0, 16);
  return join(base, 'slipway-dev', id);
}

/**
 * Notes that this process runs `service`; returns the function that removes the note (only if
 * it is still this process's: a later slipway-dev of the same service may have replaced it).
 * @example const unregister = registerDevProcess(repoRoot, 'orders'); process.on('exit', unregister);
 */
export function registerDevProcess(
  repoRoot: string,
  service: string,
  pid: number = process.pid,
): () => void {
  const dir = registryDir(repoRoot);
  const file = join(dir, `${service}.pid`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, String(pid));
  return () => {
    if (readPid(file) === pid) rmSync(file, { force: true });
    try {
      rmdirSync(dir);
    } catch {
      // Other services still run.
    }
  };
}

/**
 * Whether a live slipway-dev runs `service` of the repository at `repoRoot`.
 * @example if (!isDevProcessRunning(repoRoot, 'orders')) console.log('orders is not running');
 */
export function isDevProcessRunning(repoRoot: string, service: string): boolean {
  const pid = readPid(join(registryDir(repoRoot), `${service}.pid`));
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it lives, under another user. ESRCH: it ended without removing its note.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
