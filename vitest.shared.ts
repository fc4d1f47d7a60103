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
