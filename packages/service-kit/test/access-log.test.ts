import { afterEach, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from './helpers/test-service.ts';

let running: TestService | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(): Promise<TestService> {
  running = await startTestService(
    ({ app }) => {
      app.get('/items/:id', (c) => c.json({ id: c.req.param('id') }));
      app.post('/login', (c) => {
        c.var.logger.info(
          {
            headers: { authorization: 'Bearer sekrit-bearer', cookie: 'sid=sekrit-cookie' },
            user: { name: 'ada', password: 'sekrit-password' },
            apiToken: 'sekrit-token',
            card: { number: '4111-sekrit-card' },
            nested: { deeper: { clientSecret: 'sekrit-client' } },
          },
          'login attempt',
        );
        return c.body(null, 204);
      });
    },
    { redactPaths: ['card.number'] },
  );
  return running;
}

describe('access logs', () => {
  it('writes one JSON line per request with method, route, status, duration and request id', async () => {
    const { url, logs } = await start();
    await fetch(`${url}/items/9?filter=private`, { headers: { 'X-Request-Id': 'log-1' } });
    const lines = logs.filter((line) => line.requestId === 'log-1');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        name: 'test-service',
        msg: 'request completed',
        method: 'GET',
        path: '/items/9',
        route: '/items/:id',
        status: 200,
        durationMs: expect.any(Number),
        time: expect.any(String),
      }),
    ]);
    expect(JSON.stringify(lines)).not.toContain('filter=private');
  });

  it('puts the request id on lines the handler writes', async () => {
    const { url, logs } = await start();
    await fetch(`${url}/login`, { method: 'POST', headers: { 'X-Request-Id': 'log-2' } });
    expect(logs.find((line) => line.msg === 'login attempt')).toMatchObject({ requestId: 'log-2' });
  });

  it('redacts credentials at any depth and the paths the service names', async () => {
    const { url, logs } = await start();
    await fetch(`${url}/login`, { method: 'POST' });
    const line = logs.find((entry) => entry.msg === 'login attempt');
    expect(line).toMatchObject({
      headers: { authorization: '[redacted]', cookie: '[redacted]' },
      user: { name: 'ada', password: '[redacted]' },
      apiToken: '[redacted]',
      card: { number: '[redacted]' },
      nested: { deeper: { clientSecret: '[redacted]' } },
    });
    expect(JSON.stringify(logs)).not.toContain('sekrit');
  });

  it('does not log probes and scrapes at info', async () => {
    const { url, metricsUrl, logs, service } = await start();
    const probes = ['/livez', '/readyz', '/startupz'];
    for (const path of probes) await fetch(`${url}${path}`);
    // Over HTTP the probes are answered ahead of Hono; through the app they reach the access log.
    for (const path of probes) await service.app.request(path);
    // Scrapes reach the metrics listener, which has no access log.
    expect((await fetch(metricsUrl)).status).toBe(200);
    await service.app.request('/items/7');
    const logged = logs.filter((line) => line.msg === 'request completed').map((l) => l.path);
    expect(logged).toEqual(['/items/7']);
  });
});
