import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { collectorUrl } from '../src/shared-trace-collector.ts';
import { startTraceCollector, type TracesAnswer } from '../src/trace-collector.ts';
import { cleanEnv, type DevProcess, freePort, startDev } from './dev-process.ts';
import { createFixtureRepo, type FixtureRepo } from './fixture-repo.ts';

const serviceKit = fileURLToPath(new URL('../../service-kit', import.meta.url));
const tracesBin = fileURLToPath(new URL('../bin/slipway-traces.js', import.meta.url));

// A service built with the kit, as gateway and orders are: slipway-dev starts it with the kit's
// tracing entry, and its spans go to the local collector over OTLP/HTTP JSON.
const kitService = `import { createServiceApp, startService } from '@slipway/service-kit';
const service = createServiceApp({ name: 'hello' });
service.app.get('/hello/:who', (c) => c.json({ hi: c.req.param('who') }));
service.app.get('/boom', () => { throw new Error('boom'); });
const { PORT, METRICS_PORT, HOST } = process.env;
await startService(service, { port: Number(PORT), metricsPort: Number(METRICS_PORT), host: HOST, drainDelayMs: 0 });
`;

/** A repository whose service uses the repository's own kit, linked as npm links a workspace. */
function kitRepo(port: number): FixtureRepo {
  const repo = createFixtureRepo({
    'apps/hello/service.yaml': `name: hello\nport: ${port}\n`,
    'apps/hello/src/index.ts': kitService,
  });
  mkdirSync(repo.path('node_modules/@slipway'), { recursive: true });
  symlinkSync(serviceKit, repo.path('node_modules/@slipway/service-kit'), 'dir');
  return repo;
}

async function tracesAt(port: number): Promise<TracesAnswer> {
  return (await (await fetch(`${collectorUrl(port)}/slipway/traces`)).json()) as TracesAnswer;
}

/** Polls the collector until it holds `count` traces (the batch leaves the service after 200 ms). */
async function waitForTraces(port: number, count: number): Promise<TracesAnswer> {
  for (;;) {
    const answer = await tracesAt(port);
    if (answer.traces.length >= count) return answer;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs slipway-traces to its end; its output and exit code. */
async function runTraces(env: Record<string, string>, args: string[] = []) {
  const child = spawn(process.execPath, [tracesBin, ...args], { env: cleanEnv(env) });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const [code] = await once(child, 'exit');
  return { code: code as number | null, output };
}

describe('slipway-dev and traces', () => {
  let repo: FixtureRepo | undefined;
  let dev: DevProcess | undefined;
  afterEach(async () => {
    await dev?.stop();
    repo?.remove();
  });

  it('should trace a kit service into the local collector it starts, and name the view on the ready line', async () => {
    const [port, tracesPort] = [await freePort(), await freePort()];
    repo = kitRepo(port);
    dev = startDev(repo.path('apps/hello'), { SLIPWAY_TRACES_PORT: String(tracesPort) });
    await dev.waitForOutput(`— traces: SLIPWAY_TRACES_PORT=${tracesPort} npm run traces`);

    expect((await fetch(`http://127.0.0.1:${port}/hello/ada`)).status).toBe(200);
    const { traces } = await waitForTraces(tracesPort, 1);
    expect(traces[0]?.spans).toEqual([
      expect.objectContaining({
        service: 'hello',
        name: 'GET /hello/:who',
        attributes: expect.objectContaining({ 'http.response.status_code': 200 }),
      }),
    ]);

    expect((await fetch(`http://127.0.0.1:${port}/boom`)).status).toBe(500);
    await waitForTraces(tracesPort, 2);
    const view = await runTraces({ SLIPWAY_TRACES_PORT: String(tracesPort) });
    expect(view.code).toBe(0);
    const lines = view.output.split('\n');
    expect(lines).toContainEqual(
      expect.stringMatching(/^└─ hello {2}GET \/hello\/:who {2}200 {2}\d+\.\d ms$/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^└─ hello {2}GET \/boom {2}500 {2}\d+\.\d ms {2}✗ Error$/),
    );
    // The newest trace is printed last.
    expect(view.output.indexOf('GET /hello/:who')).toBeLessThan(view.output.indexOf('GET /boom'));
  });

  it('should name a collector port something else holds, and run the service untraced', async () => {
    const [port, tracesPort] = [await freePort(), await freePort()];
    repo = kitRepo(port);
    const other = createServer((_req, res) => res.end('not a collector')).listen(
      tracesPort,
      '127.0.0.1',
    );
    await once(other, 'listening');
    try {
      dev = startDev(repo.path('apps/hello'), { SLIPWAY_TRACES_PORT: String(tracesPort) });
      await dev.waitForOutput(`hello is ready on http://127.0.0.1:${port}`);
      expect(dev.stdout()).toContain(
        `port ${tracesPort} on 127.0.0.1 is held by something other than slipway-dev's trace collector, so hello runs without traces. ` +
          `See what holds it: lsof -iTCP:${tracesPort} -sTCP:LISTEN`,
      );
      expect(dev.stdout()).not.toContain('traces: ');
      expect(dev.stdout()).not.toContain('tracing did not start');
    } finally {
      other.close();
    }
  });
});

describe('slipway-traces', () => {
  it('should say where it looked, and how to start the collector, when none answers', async () => {
    const tracesPort = await freePort();
    const view = await runTraces({ SLIPWAY_TRACES_PORT: String(tracesPort) });
    expect(view.code).toBe(1);
    expect(view.output).toContain(
      `no trace collector answers at http://127.0.0.1:${tracesPort}: it runs inside npm run dev`,
    );
  });

  it('should keep printing each new trace with --follow', async () => {
    const collector = await startTraceCollector({ port: 0 });
    const child = spawn(process.execPath, [tracesBin, '--follow'], {
      env: cleanEnv({ SLIPWAY_TRACES_PORT: String(collector.port) }),
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const printed = async (text: string) => {
      while (!output.includes(text)) await new Promise((resolve) => setTimeout(resolve, 50));
    };
    try {
      await printed('following new traces at');
      const nanos = BigInt(Date.now()) * 1_000_000n;
      const posted = await fetch(`${collectorUrl(collector.port)}/v1/traces`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          resourceSpans: [
            {
              resource: { attributes: [{ key: 'service.name', value: { stringValue: 'orders' } }] },
              scopeSpans: [
                {
                  spans: [
                    {
                      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
                      spanId: '00f067aa0ba902b7',
                      name: 'GET /orders/:id',
                      startTimeUnixNano: String(nanos),
                      endTimeUnixNano: String(nanos + 2_500_000n),
                      attributes: [{ key: 'http.response.status_code', value: { intValue: 404 } }],
                    },
                  ],
                },
              ],
            },
          ],
        }),
      });
      expect(posted.status).toBe(200);
      await printed('└─ orders  GET /orders/:id  404  2.5 ms');
    } finally {
      child.kill();
      await collector.close();
    }
  });

  it('should print its usage with --help', async () => {
    const view = await runTraces({}, ['--help']);
    expect(view.code).toBe(0);
    expect(view.output).toContain('--follow');
  });
});
