import { Counter, Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { defaultBuckets, RequestMetrics } from './request-metrics.ts';

const names = {
  counter: { name: 'http_requests_total', help: 'Requests.' },
  histogram: { name: 'http_request_duration_seconds', help: 'Durations.' },
};

// [method, route, status, seconds]: on bounds, between them, above the last, a route with quotes.
const requests: [string, string, number, number][] = [
  ['GET', '/orders/:id', 200, 0.004],
  ['GET', '/orders/:id', 200, 0.005],
  ['GET', '/orders/:id', 200, 0.0051],
  ['POST', '/orders', 201, 0.3],
  ['GET', '/orders/:id', 404, 12],
  ['POST', '/orders', 201, 2.5],
  ['GET', 'unmatched', 405, 0],
  ['GET', '/say/"hi"\\', 200, 0.07],
];

function withPromClient(buckets?: number[]): Registry {
  const registry = new Registry();
  const labelNames = ['method', 'route', 'status'];
  const counter = new Counter({ ...names.counter, labelNames, registers: [registry] });
  const histogram = new Histogram({
    ...names.histogram,
    labelNames,
    ...(buckets ? { buckets } : {}),
    registers: [registry],
  });
  for (const [method, route, status, seconds] of requests) {
    const labels = { method, route, status: String(status) };
    counter.inc(labels);
    histogram.observe(labels, seconds);
  }
  return registry;
}

function withRequestMetrics(buckets?: number[]): Registry {
  const registry = new Registry();
  const metrics = new RequestMetrics(names, buckets ?? defaultBuckets);
  metrics.registerIn(registry);
  for (const [method, route, status, seconds] of requests) {
    metrics.record(method, route, status, seconds);
  }
  return registry;
}

describe('RequestMetrics', () => {
  it('should expose the same text as prom-client’s Counter and Histogram fed the same requests', async () => {
    expect(await withRequestMetrics().metrics()).toBe(await withPromClient().metrics());
  });

  it('should expose the same text with buckets of the service’s own', async () => {
    const expected = await withPromClient([0.01, 0.1, 1]).metrics();

    expect(await withRequestMetrics([0.01, 0.1, 1]).metrics()).toBe(expected);
  });

  it('should give the same JSON and start again after a reset', async () => {
    const [ours, theirs] = [withRequestMetrics(), withPromClient()];

    expect(await ours.getMetricsAsJSON()).toEqual(await theirs.getMetricsAsJSON());
    ours.resetMetrics();
    theirs.resetMetrics();
    expect(await ours.metrics()).toBe(await theirs.metrics());
  });
});
