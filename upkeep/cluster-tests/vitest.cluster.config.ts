import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.ts';

/**
 * The cluster suite (`npm run test:cluster`): one cluster, provisioned once by the global setup
 * and always torn down by it; files run one after another because they share it.
 */
export default defineConfig({
  ...sharedTestConfig,
  test: {
    ...sharedTestConfig.test,
    include: ['cluster/**/*.test.ts'],
    globalSetup: ['src/cluster-global-setup.ts'],
    fileParallelism: false,
    // A pulumi up waits for rollouts; on a busy 2-core machine that is tens of seconds.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    reporters: ['default', ['json', { outputFile: '.test-results/vitest-cluster.json' }]],
  },
});
