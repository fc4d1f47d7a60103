import type { ViteUserConfig } from 'vitest/config';

/**
 * Test settings every workspace shares: workspace packages resolve to their
 * TypeScript source (the "@slipway/source" export condition), so tests never
 * wait for a build and always see the code as it is on disk.
 */
export const sharedTestConfig: ViteUserConfig = {
  resolve: { conditions: ['@slipway/source'] },
  ssr: { resolve: { conditions: ['@slipway/source'], externalConditions: ['@slipway/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // The JSON report lets CI print one total for the whole monorepo (.ci/summarize-tests.mjs).
    reporters: ['default', ['json', { outputFile: '.test-results/vitest.json' }]],
  },
};

/**
 * For suites whose set-up imports a cloud SDK and runs a whole Pulumi program under mocks: a
 * few seconds on an idle machine, tens of seconds on a loaded 2-core one. Their hooks get time
 * in proportion, so a busy machine slows them down instead of failing them.
 */
export const programTestConfig: ViteUserConfig = {
  ...sharedTestConfig,
  test: { ...sharedTestConfig.test, testTimeout: 180_000, hookTimeout: 180_000 },
};

/**
 * For suites that spawn real processes (the dev runner starting services, restarting them on a
 * change): a second on an idle machine, far more when the init end-to-end suite runs a fork's
 * tests beside the repository's own on 2 cores. A busy machine slows them down instead of failing them.
 */
export const processTestConfig: ViteUserConfig = {
  ...sharedTestConfig,
  test: { ...sharedTestConfig.test, testTimeout: 120_000, hookTimeout: 120_000 },
};

/**
 * End-to-end suites in a workspace's `e2e/` folder (turbo task `test:e2e`): they copy the
 * repository and run real npm, turbo, tsc and vitest in it, so they get minutes, and write
 * their own report beside the unit tests' one.
 */
export const e2eTestConfig: ViteUserConfig = {
  ...sharedTestConfig,
  test: {
    ...sharedTestConfig.test,
    include: ['e2e/**/*.test.ts'],
    // Each file copies the repository and runs turbo in it: one at a time on a small machine.
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 600_000,
    reporters: ['default', ['json', { outputFile: '.test-results/vitest-e2e.json' }]],
  },
};
