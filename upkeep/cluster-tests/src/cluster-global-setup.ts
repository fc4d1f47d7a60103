import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import './cluster-info.ts';
import { readClusterEnv } from './cluster-env.ts';
import { provisionCluster } from './provision-cluster.ts';

/**
 * vitest's global setup for `npm run test:cluster`: one cluster and one throwaway Pulumi state
 * for the whole run, released in the teardown it returns (and by the process-exit handlers of
 * every process it started, should the run die first).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workDir = mkdtempSync(join(tmpdir(), 'slipway-cluster-'));
  const removeWorkDir = () => rmSync(workDir, { recursive: true, force: true });
  // A run ended by a signal skips the teardown; its processes go by their own handlers.
  process.once('exit', removeWorkDir);
  let cluster: Awaited<ReturnType<typeof provisionCluster>>;
  try {
    cluster = await provisionCluster(readClusterEnv(), workDir);
  } catch (error) {
    removeWorkDir();
    throw error;
  }
  project.provide('cluster', {
    source: cluster.source,
    kubeconfig: cluster.kubeconfig,
    ...(cluster.toolsPath ? { toolsPath: cluster.toolsPath } : {}),
    stateDir: join(workDir, 'pulumi'),
    passphrase: randomBytes(16).toString('hex'),
  });
  return async () => {
    try {
      await cluster.release();
    } finally {
      removeWorkDir();
    }
  };
}
