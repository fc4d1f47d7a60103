import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { latencyBucketsMs } from '@slipway/platform-contract';
import { httpMetrics } from '@slipway/service-kit';

describe("the service kit's request duration histogram", () => {
  it('has a bucket at every latency threshold a manifest may declare, and no other', async () => {
    const metrics = httpMetrics({ defaultMetrics: false });
    const app = new Hono().use(metrics.middleware).get('/', (c) => c.text('ok'));
    await app.request('/');
    const text = await metrics.registry.metrics();
    const bounds = [...text.matchAll(/http_request_duration_seconds_bucket\{[^}]*le="([^"]+)"/g)]
      .map(([, le]) => le)
      .filter((le) => le !== '+Inf')
      .map((le) => Number(le) * 1000);
    expect(bounds).toEqual([...latencyBucketsMs]);
  });
});
