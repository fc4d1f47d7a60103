import { describe, expect, it } from 'vitest';
import { buildFuzzReport } from './fuzz-report.ts';
import type { SchemathesisRun } from './run-schemathesis.ts';

const context = { service: 'orders', seed: 7, requests: 120, timeoutMs: 60_000 };
const output = [
  'Schemathesis v4.32.5',
  '=================== FAILURES ===================',
  '- ST101 Server error',
  '    curl -X POST -d \'{"sku": "a\\u0000b"}\' http://127.0.0.1:1/orders',
  '=================== SUMMARY ===================',
  'Seed: 7',
].join('\n');
const run = (overrides: Partial<SchemathesisRun>): SchemathesisRun => ({
  exitCode: 0,
  timedOut: false,
  output: '',
  report: { test_cases: { generated: 118 }, failures: [] },
  durationMs: 4_321,
  ...overrides,
});

describe('buildFuzzReport', () => {
  it('passes in one line with the counts, the time and the seed', () => {
    const report = buildFuzzReport(run({}), context);
    expect(report.failures).toEqual([]);
    expect(report.summary).toBe(
      'api-fuzz: orders passed (120 requests, 118 test cases, 4.3 s, seed 7).',
    );
  });

  it('lists each failure, how to repeat the run and the curl lines that reproduce them', () => {
    const failures = [{ code: 'ST101', title: 'Server error', operations: ['POST /orders'] }];
    const report = buildFuzzReport(
      run({ exitCode: 1, output, report: { test_cases: { generated: 118 }, failures } }),
      context,
    );
    expect(report.failures).toEqual(failures);
    expect(report.summary).toContain('  - ST101 Server error: POST /orders');
    expect(report.summary).toContain('Repeat this run with FUZZ_SEED=7');
    expect(report.summary).toContain('curl -X POST');
    expect(report.summary).not.toContain('Schemathesis v4.32.5');
  });

  it.each([
    ['a run stopped at its deadline', run({ exitCode: null, timedOut: true }), 'timeout'],
    ['a crash before any report', run({ exitCode: 2, report: undefined }), 'exit'],
    [
      'an error while testing',
      run({ exitCode: 1, report: { errors: [{ message: 'schema' }] } }),
      'error',
    ],
  ])('counts %s as a failure', (_case, failed, code) => {
    expect(buildFuzzReport(failed, context).failures).toEqual([expect.objectContaining({ code })]);
  });
});
