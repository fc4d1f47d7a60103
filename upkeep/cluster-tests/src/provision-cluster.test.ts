import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readClusterEnv } from './cluster-env.ts';
import { noClusterMessage, provisionCluster } from './provision-cluster.ts';

describe('provisionCluster', () => {
  it('stops at once with both ways to get a cluster when it is given neither', async () => {
    await expect(provisionCluster(readClusterEnv({}), '/nonexistent')).rejects.toThrow(
      noClusterMessage,
    );
    expect(noClusterMessage).toContain('source upkeep/cluster-tools/build.sh');
    expect(noClusterMessage).toContain(
      'SLIPWAY_TEST_KUBECONFIG=$HOME/.kube/config npm run test:cluster',
    );
  });

  it('names a kubeconfig that does not exist', async () => {
    const env = readClusterEnv({ SLIPWAY_TEST_KUBECONFIG: '/nonexistent/config' });
    await expect(provisionCluster(env, '/nonexistent')).rejects.toThrow(
      'SLIPWAY_TEST_KUBECONFIG=/nonexistent/config: no such file',
    );
  });

  it('uses a kubeconfig that exists without starting anything, and releases nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-provision-'));
    try {
      const kubeconfig = join(dir, 'config');
      writeFileSync(kubeconfig, 'apiVersion: v1\n');
      const cluster = await provisionCluster(
        readClusterEnv({ SLIPWAY_TEST_KUBECONFIG: kubeconfig }),
        dir,
      );
      expect(cluster).toMatchObject({ source: 'kubeconfig', kubeconfig });
      await cluster.release();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('readClusterEnv', () => {
  it('splits the breakages and ignores empty values', () => {
    expect(
      readClusterEnv({ SLIPWAY_CLUSTER_BREAK: 'replicas, root', SLIPWAY_CLUSTER_ASSETS: '' }),
    ).toEqual({
      breakProgram: ['replicas', 'root'],
    });
  });
});
