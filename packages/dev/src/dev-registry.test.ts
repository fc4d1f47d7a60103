import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isDevProcessRunning, registerDevProcess, registryDir } from './dev-registry.ts';

describe('dev registry', () => {
  // Only hashed into the registry's folder: it need not exist.
  const repoRoot = join(tmpdir(), `slipway-registry-test-${process.pid}`);
  afterEach(() => rmSync(registryDir(repoRoot), { recursive: true, force: true }));

  it('should see a registered live process until it unregisters', () => {
    const unregister = registerDevProcess(repoRoot, 'orders');
    expect(isDevProcessRunning(repoRoot, 'orders')).toBe(true);
    expect(isDevProcessRunning(repoRoot, 'gateway')).toBe(false);
    unregister();
    expect(isDevProcessRunning(repoRoot, 'orders')).toBe(false);
  });

  it('should not count a process that ended without unregistering', () => {
    const ended = spawnSync(process.execPath, ['-e', '']).pid;
    registerDevProcess(repoRoot, 'orders', ended);
    expect(isDevProcessRunning(repoRoot, 'orders')).toBe(false);
  });

  it("should leave another process's note in place", () => {
    const unregister = registerDevProcess(repoRoot, 'orders');
    registerDevProcess(repoRoot, 'orders', process.ppid);
    unregister();
    expect(isDevProcessRunning(repoRoot, 'orders')).toBe(true);
  });

  it('should keep one folder per repository', () => {
    expect(registryDir('/a')).not.toBe(registryDir('/b'));
    expect(registryDir('/a')).toBe(registryDir('/a'));
  });
});
