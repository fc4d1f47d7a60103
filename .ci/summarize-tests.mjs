// Prints one closing line for every vitest run in the monorepo: "Tests: N passed, N failed, N skipped".
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const totals = { passed: 0, failed: 0, skipped: 0 };
// The top folders of the workspaces (apps, packages, ..., and the template's upkeep).
const { workspaces } = JSON.parse(readFileSync('package.json', 'utf8'));
const groups = new Set(workspaces.map((pattern) => pattern.split('/')[0]));
for (const group of groups) {
  const folders = existsSync(group) ? readdirSync(group).map((name) => join(group, name)) : [];
  for (const folder of [group, ...folders]) {
    // One report per vitest run: vitest.json for the unit tests, vitest-e2e.json for test:e2e.
    const results = join(folder, '.test-results');
    const reports = existsSync(results)
      ? readdirSync(results).filter((name) => /^vitest.*\.json$/.test(name))
      : [];
    for (const report of reports) {
      const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = JSON.parse(
        readFileSync(join(results, report), 'utf8'),
      );
      totals.passed += numPassedTests;
      totals.failed += numFailedTests;
      totals.skipped += numPendingTests + numTodoTests;
    }
  }
}
console.log(`Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
