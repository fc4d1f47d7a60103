import { describe, expect, it } from 'vitest';
import type { LoadReport } from './load-generator.ts';
import { formatLoadReport, loadProblems, rolloutProblems } from './load-report.ts';

const clean: LoadReport = {
  sent: 100,
  succeeded: 100,
  failedByStatus: {},
  resets: 0,
  errors: {},
  latencyMs: { p50: 10, p99: 50, max: 80 },
};

describe('loadProblems', () => {
  it.each([
    ['a clean run', clean, []],
    [
      'too few requests',
      { ...clean, sent: 3, succeeded: 3 },
      ['only 3 requests sent, fewer than 10'],
    ],
    [
      'failed answers',
      { ...clean, succeeded: 97, failedByStatus: { 502: 2, 503: 1 } },
      ['3 requests failed (502: 2, 503: 1)'],
    ],
    ['resets', { ...clean, succeeded: 99, resets: 1 }, ['1 connections reset under a request']],
    [
      'refused connections',
      { ...clean, succeeded: 98, errors: { ECONNREFUSED: 2 } },
      ['2 requests errored (ECONNREFUSED: 2)'],
    ],
  ])('reports %s', (_, report, expected) => {
    expect(loadProblems(report, 10)).toEqual(expected);
  });
});

describe('formatLoadReport', () => {
  it('should put counts and latencies on one line', () => {
    expect(formatLoadReport(clean)).toBe(
      '100 sent, 100 succeeded, 0 failed, 0 resets, 0 errors, p50 10 ms, p99 50 ms, max 80 ms',
    );
  });
});

describe('rolloutProblems', () => {
  it('passes a clean load that was served while the deploy ran', () => {
    expect(rolloutProblems({ ...clean, servedDuringRollout: 40, rolloutMs: 900 }, 10)).toEqual([]);
  });

  it('fails a clean load that served nothing inside the rollout window', () => {
    expect(rolloutProblems({ ...clean, servedDuringRollout: 0, rolloutMs: 900 }, 10)).toEqual([
      expect.stringMatching(/^no request was served during the rollout \(the deploy ran 900 ms\)/),
    ]);
  });
});
