import { describe, expect, it } from 'vitest';
import type { Outcome, RequestSample, SpikeRecord } from './spike-record.ts';
import { percentile, recoveryMs, summarizeSpike } from './spike-summary.ts';

const ok: Outcome = { kind: 'answer', status: 201, problem: false };
const shed: Outcome = { kind: 'answer', status: 503, problem: true };
const timedOut: Outcome = { kind: 'timeout' };

function record(requests: RequestSample[]): SpikeRecord {
  return {
    phases: [
      { name: 'base', ratePerSecond: 1, startMs: 0, endMs: 1_000 },
      { name: 'spike', ratePerSecond: 4, startMs: 1_000, endMs: 2_000 },
      { name: 'after', ratePerSecond: 1, startMs: 2_000, endMs: 5_000 },
    ],
    requests,
    livez: [
      { service: 'orders', atMs: 0, status: 200 },
      { service: 'orders', atMs: 100, status: 'timeout' },
    ],
    calleeInFlight: [
      { atMs: 0, value: undefined },
      { atMs: 10, value: 3 },
      { atMs: 20, value: 7 },
    ],
    exits: [],
  };
}

const sample = (
  phase: RequestSample['phase'],
  startMs: number,
  outcome: Outcome,
  latencyMs: number,
): RequestSample => ({ phase, startMs, lagMs: startMs / 100, latencyMs, outcome });

describe('percentile', () => {
  it.each([
    [[1, 2, 3, 4], 0.5, 2],
    [[4, 3, 2, 1], 0.99, 4],
    [[5], 0.5, 5],
    [[], 0.5, undefined],
  ])('should give the nearest-rank percentile of %j at %d', (values, fraction, expected) => {
    expect(percentile(values, fraction)).toBe(expected);
  });
});

describe('recoveryMs', () => {
  it('should be 0 when nothing failed after the step down', () => {
    expect(recoveryMs(record([sample('after', 2_500, ok, 5)]))).toBe(0);
  });

  it('should count from the step down to the last failed request sent', () => {
    const requests = [
      sample('after', 2_100, shed, 1),
      sample('after', 3_200, shed, 1),
      sample('after', 3_500, ok, 5),
    ];

    expect(recoveryMs(record(requests))).toBe(1_200);
  });

  it('should be undefined when the last request failed', () => {
    const requests = [sample('after', 2_100, ok, 1), sample('after', 4_900, shed, 1)];

    expect(recoveryMs(record(requests))).toBeUndefined();
  });

  it('should be undefined when nothing was sent after the step down: no recovery was seen', () => {
    expect(recoveryMs(record([sample('spike', 1_500, ok, 5)]))).toBeUndefined();
  });
});

describe('summarizeSpike', () => {
  it('should give rates of the spike, latencies by outcome and the worst in flight', () => {
    const requests = [
      sample('base', 0, ok, 10),
      sample('spike', 1_000, ok, 20),
      sample('spike', 1_250, shed, 1),
      sample('spike', 1_500, shed, 2),
      sample('spike', 1_750, timedOut, 10_000),
      sample('after', 2_000, ok, 30),
    ];

    expect(summarizeSpike(record(requests))).toEqual({
      spikeRequests: 4,
      spikeSuccessRate: 0.25,
      spikeGoodputPerSecond: 1,
      spikeShedRate: 0.5,
      successLatency: { p50: 20, p99: 30 },
      failureLatency: { p50: 2, p99: 10_000 },
      clientTimeouts: 1,
      recoveryMs: 0,
      calleeMaxInFlight: 7,
      livezPolls: 2,
      livezFailures: 1,
      processExits: 0,
      generatorLagP99Ms: 20,
    });
  });
});
