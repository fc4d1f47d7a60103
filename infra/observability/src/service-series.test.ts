import { describe, expect, it } from 'vitest';
import { bucketMatcher, serviceSeries } from './service-series.ts';

describe('serviceSeries', () => {
  it("picks the service's container, Deployment and autoscaler in its environment's namespace", () => {
    expect(serviceSeries('orders', 'staging')).toEqual({
      namespace: 'namespace="slipway-staging"',
      container: 'namespace="slipway-staging", container="orders"',
      deployment: 'namespace="slipway-staging", deployment="orders"',
      autoscaler: 'namespace="slipway-staging", horizontalpodautoscaler="orders"',
    });
  });
});

describe('bucketMatcher', () => {
  it.each([
    [0.5, 'le="0.5"'],
    [1, 'le=~"1|1\\\\.0"'],
    [10, 'le=~"10|10\\\\.0"'],
  ])('matches the bucket of %s s as both Prometheus 2 and 3 store it', (seconds, matcher) => {
    expect(bucketMatcher(seconds)).toBe(matcher);
  });
});
