import { afterEach, describe, expect, it } from 'vitest';
import { Health } from '@slipway/health';
import { createServiceApp } from '../src/index.ts';
import { startTestService, type TestService } from './helpers/test-service.ts';

let running: TestService | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

function healthWithFailingDatabase(): Health {
  return new Health({
    liveness: [{ name: 'event-loop', check: async () => {} }],
    readiness: [
      {
        name: 'database',
        dependency: true,
        check: async () => {
          throw new Error('connection refused');
        },
      },
    ],
  });
}

describe('health routes', () => {
  it('answers /readyz 503 naming the failing check while /livez stays 200', async () => {
    running = await startTestService(() => {}, { health: healthWithFailingDatabase() });
    const ready = await fetch(`${running.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get('cache-control')).toBe('no-store');
    expect(await ready.json()).toMatchObject({
      probe: 'readiness',
      status: 'fail',
      checks: [{ name: 'database', status: 'fail' }],
    });
    const live = await fetch(`${running.url}/livez`);
    expect(live.status).toBe(200);
    expect(live.headers.get('cache-control')).toBe('no-store');
    expect(await live.json()).toMatchObject({ probe: 'liveness', status: 'pass' });

    // Over HTTP the fast path answers; the Hono routes (app.request, tests) answer the same.
    const { app } = running.service;
    const readyRoute = await app.request('/readyz');
    expect(readyRoute.status).toBe(503);
    expect(readyRoute.headers.get('cache-control')).toBe('no-store');
    expect(await readyRoute.json()).toMatchObject({
      checks: [{ name: 'database', status: 'fail' }],
    });
    const liveRoute = await app.request('/livez');
    expect(liveRoute.status).toBe(200);
    expect(await liveRoute.json()).toMatchObject({ probe: 'liveness', status: 'pass' });
  });

  it('answers /startupz 503 before the service listens and 200 once it does', async () => {
    const health = new Health();
    const service = createServiceApp({ name: 'probe-test', health, logLevel: 'silent' });
    expect((await service.app.request('/startupz')).status).toBe(503);
    running = await startTestService(() => {}, { health });
    expect((await fetch(`${running.url}/startupz`)).status).toBe(200);
  });

  it('answers /readyz 503 once the service shuts down', async () => {
    const health = new Health();
    running = await startTestService(() => {}, { health });
    expect((await fetch(`${running.url}/readyz`)).status).toBe(200);
    health.markShuttingDown();
    const response = await fetch(`${running.url}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ reason: 'shutting-down' });
    const route = await running.service.app.request('/readyz');
    expect(route.status).toBe(503);
    expect(await route.json()).toMatchObject({ reason: 'shutting-down' });
  });
});
