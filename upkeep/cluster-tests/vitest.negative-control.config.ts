import { defineConfig } from 'vitest/config';
import cluster from './vitest.cluster.config.ts';

/** Where a negative control's child run writes its report, for the parent to read. */
export const negativeControlReport = '.test-results/negative-control.json';

/**
 * The cluster suite's settings for the child run of a negative control
 * (cluster/negative-controls.test.ts): its only report is the JSON the parent reads, kept apart
 * from the suite's own (a report named `vitest*.json` would be counted in CI's totals).
 * @public vitest reads it by path (`--config`)
 */
export default defineConfig({
  ...cluster,
  test: { ...cluster.test, reporters: [['json', { outputFile: negativeControlReport }]] },
});
