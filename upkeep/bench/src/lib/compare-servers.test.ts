import { describe, expect, it } from 'vitest';
import { atMost, compareRow, once, ratioAtLeast, ratioOf } from './compare-servers.ts';
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
