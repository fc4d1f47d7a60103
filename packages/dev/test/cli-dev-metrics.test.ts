import { once } from 'node:events';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type DevProcess, freePort, startDev } from './dev-process.ts';
import { createFixtureRepo, type FixtureRepo } from './fixture-repo.ts';

// Like the service kit: the API on PORT, its metrics on METRICS_PORT, /metrics nowhere else.
const serviceWithMetrics = `import { createServer } from 'node:http';
const { PORT, METRICS_PORT, HOST } = process.env;
createServer((_req, res) => res.end(JSON.stringify({ METRICS_PORT }))).listen(Number(PORT), HOST);
createServer((req, res) => {
  res.statusCode = req.url === '/metrics' ? 200 : 404;
  res.end('http_requests_total 0\\n');
}).listen(Number(METRICS_PORT), HOST);
`;

describe('slipway-dev and metrics', () => {
  let repo: FixtureRepo | undefined;
  let dev: DevProcess | undefined;
  afterEach(async () => {
    await dev?.stop();
    repo?.remove();
  });

  it('gives the service its port + 6464 as METRICS_PORT, and names the metrics once they answer', async () => {
    const port = await freePort();
    repo = createFixtureRepo({
      'apps/hello/service.yaml': `name: hello\nport: ${port}\n`,
      'apps/hello/src/index.ts': serviceWithMetrics,
    });
    const metricsPort = ((port - 1024 + 6464) % 64_512) + 1024;
    dev = startDev(repo.path('apps/hello'), {});
    await dev.waitForOutput(`hello is ready on http://127.0.0.1:${port} (after `);
    await dev.waitForOutput(`— metrics: http://127.0.0.1:${metricsPort}/metrics`);
    const response = await fetch(`http://127.0.0.1:${port}/`);
    expect(await response.json()).toEqual({ METRICS_PORT: String(metricsPort) });
  });

  it('takes METRICS_PORT from the shell', async () => {
    const [port, metricsPort] = [await freePort(), await freePort()];
    repo = createFixtureRepo({
      'apps/hello/service.yaml': `name: hello\nport: ${port}\n`,
      'apps/hello/src/index.ts': serviceWithMetrics,
    });
    dev = startDev(repo.path('apps/hello'), { METRICS_PORT: String(metricsPort) });
    await dev.waitForOutput(`— metrics: http://127.0.0.1:${metricsPort}/metrics`);
  });

  it('names a metrics port another process holds, and exits 1 before starting the service', async () => {
    const [port, metricsPort] = [await freePort(), await freePort()];
    repo = createFixtureRepo({
      'apps/hello/service.yaml': `name: hello\nport: ${port}\n`,
      'apps/hello/src/index.ts': serviceWithMetrics,
    });
    const holder = createServer().listen(metricsPort, '127.0.0.1');
    await once(holder, 'listening');
    try {
      dev = startDev(repo.path('apps/hello'), { METRICS_PORT: String(metricsPort) });
      expect(await dev.exited()).toBe(1);
      expect(dev.stderr()).toContain(
        `metrics port ${metricsPort} on 127.0.0.1 is in use, so hello cannot serve its metrics there`,
      );
      expect(dev.stdout()).not.toContain('hello is starting');
    } finally {
      holder.close();
    }
  });

  it('refuses a METRICS_PORT that is not a port number, and exits 1', async () => {
    const port = await freePort();
    repo = createFixtureRepo({ 'apps/hello/service.yaml': `name: hello\nport: ${port}\n` });
    dev = startDev(repo.path('apps/hello'), { METRICS_PORT: '0' });
    expect(await dev.exited()).toBe(1);
    expect(dev.stderr()).toContain('METRICS_PORT=0 is not a port number');
  });
});
