import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.ts';

/** `npm run test:spike`: the 40× spike test alone (root `npm test` runs it after the rest). */
export default defineConfig({
  ...sharedTestConfig,
  test: {
    ...sharedTestConfig.test,
    include: ['test/spike.test.ts'],
    reporters: ['default', ['json', { outputFile: '.test-results/vitest-spike.json' }]],
  },
});
