import { Agent, get } from 'node:http';
import { streamText } from 'hono/streaming';
import { describe, expect, it } from 'vitest';
import { createServiceApp, type RunningService, startService } from '../src/index.ts';

function quietService() {
  return createServiceApp({ name: 'start-test', logLevel: 'silent', defaultMetrics: false });
}

function start(service = quietService(), shutdownTimeoutMs = 60_000): Promise<RunningService> {
  return startService(service, {
    host: '127.0.0.1',
    port: 0,
    handleSignals: false,
    drainDelayMs: 0,
    shutdownTimeoutMs,
  });
}

describe('startService', () => {
  it('listens on an ephemeral port and reports where', async () => {
    const running = await start();
    expect(running.port).toBeGreaterThan(0);
    expect(running.url).toBe(`http://127.0.0.1:${running.port}`);
    expect((await fetch(`${running.url}/livez`)).status).toBe(200);
    await running.close();
    expect(running.server.listening).toBe(false);
  });

  it('applies the keep-alive timeout and a longer headers timeout', async () => {
    const service = quietService();
    const running = await startService(service, {
      host: '127.0.0.1',
      port: 0,
      handleSignals: false,
      keepAliveTimeoutMs: 70_000,
    });
    expect(running.server.keepAliveTimeout).toBe(70_000);
    expect(running.server.headersTimeout).toBeGreaterThan(70_000);
    await running.close();
  });

  it('runs the shutdown hooks in order after the server has closed', async () => {
    const events: string[] = [];
    const service = quietService();
    const running = await startService(service, {
      host: '127.0.0.1',
      port: 0,
      handleSignals: false,
      drainDelayMs: 0,
      onShutdown: [
        () => void events.push(`first, listening=${running.server.listening}`),
        async () => void events.push('second'),
      ],
    });
    expect(await running.shutdown()).toBe(0);
    expect(events).toEqual(['first, listening=false', 'second']);
  });

  it('resolves 1 when a shutdown hook fails', async () => {
    const running = await startService(quietService(), {
      host: '127.0.0.1',
      port: 0,
      handleSignals: false,
      drainDelayMs: 0,
      onShutdown: [
        () => {
          throw new Error('pool already closed');
        },
      ],
    });
    expect(await running.shutdown()).toBe(1);
  });

  it('closes a connection whose response began before the shutdown once that response ends', async () => {
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const service = quietService();
    service.app.get('/stream', (c) =>
      streamText(c, async (stream) => {
        await stream.write('first ');
        await released;
        await stream.write('last');
      }),
    );
    const running = await start(service);
    const agent = new Agent({ keepAlive: true });
    const body = new Promise<{ connection: string | undefined; text: string }>(
      (resolve, reject) => {
        get(`${running.url}/stream`, { agent }, (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString();
            if (text === 'first ') void shutdown();
          });
          res.on('end', () => resolve({ connection: res.headers.connection, text }));
        }).on('error', reject);
      },
    );
    let code: Promise<number> | undefined;
    const shutdown = async () => {
      code = running.shutdown();
      // End the response only once the server has stopped listening.
      while (running.server.listening) await new Promise((resolve) => setImmediate(resolve));
      release();
    };
    // Headers went out before the shutdown, so only closing the idle connection ends it.
    expect(await body).toEqual({ connection: 'keep-alive', text: 'first last' });
    expect(await code).toBe(0);
    agent.destroy();
  });

  it('shuts down on SIGTERM and ends the process through the injected exit', async () => {
    const service = quietService();
    let exited: (code: number) => void = () => {};
    const exitCode = new Promise<number>((resolve) => {
      exited = resolve;
    });
    const listenersBefore = process.listenerCount('SIGTERM');
    const running = await startService(service, {
      host: '127.0.0.1',
      port: 0,
      drainDelayMs: 0,
      exit: (code) => exited(code),
    });
    expect(process.listenerCount('SIGTERM')).toBe(listenersBefore + 1);
    process.emit('SIGTERM', 'SIGTERM');
    expect(service.health.isShuttingDown).toBe(true);
    expect(await exitCode).toBe(0);
    expect(running.server.listening).toBe(false);
    expect(process.listenerCount('SIGTERM')).toBe(listenersBefore);
  });

  it('cuts a request that outlives the shutdown timeout and resolves 1', async () => {
    let started: () => void = () => {};
    const hasStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    const service = quietService();
    service.app.get('/hang', () => {
      started();
      return new Promise<Response>(() => {});
    });
    const running = await start(service, 50);
    const request = fetch(`${running.url}/hang`).catch((error: unknown) => error);
    await hasStarted;
    expect(await running.shutdown()).toBe(1);
    expect(await request).toBeInstanceOf(Error);
  });
});
