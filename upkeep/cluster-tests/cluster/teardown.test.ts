import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readClusterEnv } from '../src/cluster-env.ts';
import { waitUntil } from '../src/control-plane/wait-until.ts';
import { repoRoot } from './support/cluster-suite.ts';

const { assets } = readClusterEnv();
const script = join(repoRoot, 'upkeep/cluster-tests/cluster/support/start-and-die.ts');

/** Running, not only a zombie: in a container, PID 1 may never reap an orphan that was killed. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Starts the owner process and resolves with the pid of the etcd it started. */
function startOwner(
  mode: 'throw' | 'wait',
  workDir: string,
): Promise<{ owner: ChildProcess; etcd: number }> {
  const owner = spawn(
    process.execPath,
    ['--conditions=@slipway/source', script, mode, assets ?? '', workDir],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    owner.stdout?.once('data', (data: Buffer) =>
      resolve({ owner, etcd: Number(String(data).trim()) }),
    );
    owner.once('exit', (code) =>
      reject(new Error(`the owner exited (${code}) before starting etcd`)),
    );
  });
}

describe.skipIf(!assets)('no control-plane process outlives the suite', () => {
  const dirs: string[] = [];
  const workDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-teardown-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('kills etcd when its owner dies of an uncaught error (exit handler)', async () => {
    const { owner, etcd } = await startOwner('throw', workDir());
    expect(alive(etcd)).toBe(true);
    await new Promise((resolve) => owner.once('exit', resolve));
    await waitUntil(() => !alive(etcd), { what: `etcd ${etcd} to be gone`, timeoutMs: 10_000 });
  });

  it('kills etcd when its owner is stopped with SIGTERM (signal handler)', async () => {
    const { owner, etcd } = await startOwner('wait', workDir());
    expect(alive(etcd)).toBe(true);
    owner.kill('SIGTERM');
    await waitUntil(() => !alive(etcd), { what: `etcd ${etcd} to be gone`, timeoutMs: 10_000 });
  });

  it('kills etcd when its owner is killed with SIGKILL, which no handler sees (watchdog)', async () => {
    const { owner, etcd } = await startOwner('wait', workDir());
    expect(alive(etcd)).toBe(true);
    owner.kill('SIGKILL');
    await waitUntil(() => !alive(etcd), { what: `etcd ${etcd} to be gone`, timeoutMs: 15_000 });
  });
});
