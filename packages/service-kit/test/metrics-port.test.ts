import { afterEach, describe, expect, it } from 'vitest';
import { baseConfigSchema, loadConfig, metricsEndpoint } from '@slipway/config';
import {
  createServiceApp,
  type RunningService,
  serviceOptionsFromConfig,
  startService,
} from '../src/index.ts';

let running: RunningService | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

function start(): Promise<RunningService> {
  const service = createServiceApp({ name: 'shop', logLevel: 'silent', defaultMetrics: false });
  service.app.get('/items', (c) => c.json([]));
  return startService(service, {
    host: '127.0.0.1',
    port: 0,
    metricsPort: 0,
    handleSignals: false,
    drainDelayMs: 0,
  });
}

describe('metrics on a port of their own', () => {
  it('answers /metrics on the API port with a 404 problem, as any unknown path', async () => {
    running = await start();
    const response = await fetch(`${running.url}/metrics`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 404, instance: '/metrics' });
  });

  it('serves the Prometheus text on the metrics port, which is not the API port', async () => {
    running = await start();
    await fetch(`${running.url}/items`);
    expect(running.metricsPort).not.toBe(running.port);
    expect(running.metricsUrl).toBe(`http://127.0.0.1:${running.metricsPort}/metrics`);
    const response = await fetch(running.metricsUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    expect(await response.text()).toContain(
      'http_requests_total{method="GET",route="/items",status="200"} 1',
    );
  });

  it('serves nothing but /metrics on the metrics port', async () => {
    running = await start();
    const origin = new URL(running.metricsUrl).origin;
    const other = await fetch(`${origin}/items`);
    expect(other.status).toBe(404);
    expect(other.headers.get('content-type')).toBe('application/problem+json');
    const post = await fetch(running.metricsUrl, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toContain('GET');
    await post.body?.cancel();
  });

  it('closes both listeners on a graceful shutdown', async () => {
    const started = await start();
    expect(started.metricsServer.listening).toBe(true);
    expect(await started.shutdown()).toBe(0);
    expect(started.server.listening).toBe(false);
    expect(started.metricsServer.listening).toBe(false);
    await expect(fetch(started.metricsUrl)).rejects.toThrow();
  });

  it('refuses a metrics port that is the API port', async () => {
    const service = createServiceApp({ name: 'shop', logLevel: 'silent', defaultMetrics: false });
    await expect(
      startService(service, {
        host: '127.0.0.1',
        port: 4321,
        metricsPort: 4321,
        handleSignals: false,
      }),
    ).rejects.toThrow("metrics port 4321 is the service's port too");
  });

  it('names METRICS_PORT when the metrics port is taken', async () => {
    running = await start();
    const service = createServiceApp({ name: 'other', logLevel: 'silent', defaultMetrics: false });
    const failed = startService(service, {
      host: '127.0.0.1',
      port: 0,
      metricsPort: running.metricsPort,
      handleSignals: false,
    });
    await expect(failed).rejects.toThrow(
      `metrics port ${running.metricsPort} on 127.0.0.1 is not available`,
    );
    await expect(failed).rejects.toThrow('set METRICS_PORT to a free port');
  });
});

describe('serviceOptionsFromConfig', () => {
  const env = { SERVICE_NAME: 'shop', PORT: '3005' };

  it("listens for metrics on the contract's port when METRICS_PORT is unset", () => {
    const config = loadConfig(baseConfigSchema, { env });
    expect(serviceOptionsFromConfig(config).start.metricsPort).toBe(metricsEndpoint.port);
  });

  it('listens for metrics on METRICS_PORT when set', () => {
    const config = loadConfig(baseConfigSchema, { env: { ...env, METRICS_PORT: '9500' } });
    expect(serviceOptionsFromConfig(config).start).toMatchObject({ port: 3005, metricsPort: 9500 });
  });
});
