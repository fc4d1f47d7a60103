import { describe, expect, it } from 'vitest';
import { atMost, compareRow, once, pairOf, ratioAtLeast, ratioOf } from './compare-servers.ts';
import { mb, ms } from './format.ts';

describe('compareRow', () => {
  it('should compare the medians of both sides and give their ratio', () => {
    const row = compareRow('f', 'start-up', ms, {
      baseline: [50, 70, 60],
      subject: [90, 300, 120],
    });

    expect(row).toMatchObject({ subject: '120 ms', baseline: '60 ms', ratio: 2 });
    expect(row.target).toBeUndefined();
  });

  it.each([
    [0.85, true],
    [0.79, false],
  ])('should mark a ratio of %s against ≥ 0.80 × bare as met: %s', (ratio, met) => {
    const row = compareRow(
      'f',
      'throughput',
      String,
      { baseline: [100], subject: [100 * ratio] },
      ratioAtLeast(0.8),
    );

    expect(row.target).toEqual({ text: '≥ 0.80 × bare', met });
  });

  it('should judge an absolute target on the subject, whatever the baseline', () => {
    const samples = once({ baseline: { rss: 10e6 }, subject: { rss: 56e6 } }, (m) => m.rss);

    expect(compareRow('f', 'RSS', mb, samples, atMost(55e6, mb)).target).toEqual({
      text: '≤ 55.0 MB',
      met: false,
    });
  });

  it('should leave the ratio out when the baseline is 0', () => {
    expect(compareRow('f', 'failures', String, { baseline: [0], subject: [0] })).not.toHaveProperty(
      'ratio',
    );
  });
});

describe('ratioOf', () => {
  it.each([
    ['rounds: the median of each round’s ratio', [10, 10, 10], [9, 9, 2], 0.9],
    ['unequal counts: the ratio of the medians', [10, 20], [5], 1 / 3],
  ])('should take %s', (_case, baseline, subject, expected) => {
    expect(ratioOf({ baseline, subject })).toBeCloseTo(expected);
  });
});

describe('pairOf', () => {
  it('should take two of several servers’ samples as the baseline and the subject', () => {
    const memory = (rssBytes: number) => ({ rssBytes, anonBytes: 0 });
    const load = {
      requestsPerSecond: { bare: [100], fastify: [50], kit: [60] },
      p99LatencyMs: { bare: [1], fastify: [2], kit: [3] },
      cpuMicrosPerRequest: { bare: [10], fastify: [20], kit: [18] },
      failures: { bare: 0, fastify: 1, kit: 2 },
      memoryAfterLoad: { bare: memory(1), fastify: memory(2), kit: memory(3) },
    };

    const pair = pairOf(load, 'fastify', 'kit');

    expect(pair).toEqual({
      requestsPerSecond: { baseline: [50], subject: [60] },
      p99LatencyMs: { baseline: [2], subject: [3] },
      cpuMicrosPerRequest: { baseline: [20], subject: [18] },
      failures: { baseline: 1, subject: 2 },
      memoryAfterLoad: { baseline: memory(2), subject: memory(3) },
    });
    expect(ratioOf(pair.requestsPerSecond)).toBeCloseTo(1.2);
  });
});
