import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from './helpers/test-service.ts';

let running: TestService | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe('the metrics', () => {
  it('counts a request under its route pattern, method and status', async () => {
    running = await startTestService(({ app }) => {
      app.get('/items/:id', (c) => c.json({ id: c.req.param('id') }));
    });
    await fetch(`${running.url}/items/42`);
    const response = await fetch(running.metricsUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('http_requests_total{method="GET",route="/items/:id",status="200"} 1');
    expect(text).toContain(
      'http_request_duration_seconds_count{method="GET",route="/items/:id",status="200"} 1',
    );
    expect(text).not.toContain('/items/42');
  });

  it('labels requests no route handles as unmatched, not by their path', async () => {
    running = await startTestService();
    await fetch(`${running.url}/no/such/path`);
    const text = await (await fetch(running.metricsUrl)).text();
    expect(text).toContain('http_requests_total{method="GET",route="unmatched",status="404"} 1');
    expect(text).not.toContain('/no/such/path');
  });

  it('registers in an injected registry, with the process metrics', async () => {
    const registry = new Registry();
    running = await startTestService(() => {}, { registry, defaultMetrics: true });
    await fetch(`${running.url}/openapi.json`);
    const counter = await registry.getSingleMetric('http_requests_total')?.get();
    expect(counter?.values).toContainEqual({
      labels: { method: 'GET', route: '/openapi.json', status: '200' },
      value: 1,
    });
    expect(await registry.metrics()).toContain('process_cpu_user_seconds_total');
  });
});
