import { describe, expect, it } from 'vitest';
import { failedTaskLogs } from '../e2e/e2e-support.ts';

describe('failedTaskLogs', () => {
  const output = [
    '@acme/dev:test: RUN v5',
    '@acme/web:test: all good',
    '@acme/dev:test:  FAIL test/cli-dev.test.ts > restarts',
    ' Tasks:    1 successful, 2 total',
    'Failed:    @acme/dev#test',
  ].join('\n');

  it("keeps only the failed tasks' own lines", () => {
    expect(failedTaskLogs(output)).toBe(
      '--- @acme/dev#test (last 2 lines)\n@acme/dev:test: RUN v5\n@acme/dev:test:  FAIL test/cli-dev.test.ts > restarts',
    );
  });

  it('gives the whole output back when turbo names no failed task', () => {
    expect(failedTaskLogs('npm error code 1')).toBe('npm error code 1');
  });
});
