import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.ts';

// The spike test runs on its own (`test:spike`), after every other test: it measures how the
// services behave under load, which the other suites' load would decide instead.
export default defineConfig({
  ...sharedTestConfig,
  test: { ...sharedTestConfig.test, exclude: ['**/node_modules/**', 'test/spike.test.ts'] },
});
