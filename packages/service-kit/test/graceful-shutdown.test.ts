import { Agent, type IncomingHttpHeaders, request } from 'node:http';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type ChildService, spawnFixture } from './helpers/child-service.ts';

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** Records every socket an agent opens and every error any of them sees. */
function watchedAgent() {
  const agent = new Agent({ keepAlive: true, maxSockets: 10 });
  const sockets = new Set<Socket>();
  const errors: string[] = [];
  const get = (port: number, path: string) =>
    new Promise<Answer>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('socket', (socket) => {
        if (sockets.has(socket)) return;
        sockets.add(socket);
        socket.on('error', (error: NodeJS.ErrnoException) =>
          errors.push(error.code ?? error.message),
        );
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        errors.push(error.code ?? error.message);
        reject(error);
      });
      req.end();
    });
  return { agent, sockets, errors, get };
}

let fixture: ChildService | undefined;
afterEach(() => {
  fixture?.child.kill('SIGKILL');
  fixture = undefined;
});

describe('graceful shutdown of a real process', () => {
  it('drains on SIGTERM: readiness 503, in-flight request answered, exit 0, no reset', async () => {
    fixture = await spawnFixture('slow-server', {
      SHUTDOWN_DRAIN_MS: '1500',
      SHUTDOWN_TIMEOUT_MS: '10000',
      SLOW_AFTER_SIGNAL_MS: '2500',
    });
    const { port } = fixture;
    const idle = watchedAgent();
    const client = watchedAgent();

    // A keep-alive connection that stays idle through the whole shutdown.
    expect((await idle.get(port, '/livez')).headers.connection).toBe('keep-alive');
    const slow = client.get(port, '/slow');
    await fixture.waitForOutput('slow-started');

    fixture.child.kill('SIGTERM');
    await fixture.waitForOutput('shutting down: draining');
    const ready = await client.get(port, '/readyz');
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.body)).toMatchObject({ probe: 'readiness', reason: 'shutting-down' });
    expect(ready.headers.connection).toBe('close');

    const slowAnswer = await slow;
    expect(slowAnswer).toMatchObject({ status: 200, body: 'done' });
    expect(await fixture.exited).toBe(0);
    expect(fixture.output()).toContain('hook-ran');
    const sockets = [...idle.sockets, ...client.sockets];
    await Promise.all(
      sockets.map(
        (socket) =>
          new Promise<void>((resolve) =>
            socket.closed ? resolve() : socket.once('close', () => resolve()),
          ),
      ),
    );
    expect([...idle.errors, ...client.errors]).toEqual([]);
    idle.agent.destroy();
    client.agent.destroy();
  });

  it('exits 1 when a request outlives the shutdown timeout', async () => {
    fixture = await spawnFixture('slow-server', {
      SHUTDOWN_DRAIN_MS: '100',
      SHUTDOWN_TIMEOUT_MS: '300',
    });
    const client = watchedAgent();
    const slow = client.get(fixture.port, '/slow').catch((error: NodeJS.ErrnoException) => error);
    await fixture.waitForOutput('slow-started');

    fixture.child.kill('SIGTERM');
    expect(await fixture.exited).toBe(1);
    expect(fixture.output()).toContain('shutdown timeout: cutting in-flight requests');
    expect(await slow).toBeInstanceOf(Error);
    client.agent.destroy();
  });
});
