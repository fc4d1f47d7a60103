import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, listenOnLoopback, trackSockets } from '../test/loopback.ts';
import { runCheck } from './run-check.ts';
import { tcpCheck } from './tcp-check.ts';

describe('tcpCheck', () => {
  const server = createServer();
  const sockets = trackSockets(server);
  let port = 0;

  beforeAll(async () => {
    port = await listenOnLoopback(server);
  });
  afterAll(() => sockets.close());

  it('passes when the port accepts a connection, and closes it again', async () => {
    const check = tcpCheck({ name: 'broker', host: '127.0.0.1', port });
    expect(check.dependency).toBe(true);
    expect(await runCheck(check, 20_000)).toMatchObject({ name: 'broker', status: 'pass' });
    await sockets.allClosed();
    expect(sockets.openCount).toBe(0);
  });

  it('fails on a closed port', async () => {
    const closed = await closedPort();
    const result = await runCheck(
      tcpCheck({ name: 'broker', host: '127.0.0.1', port: closed }),
      2000,
    );
    expect(result).toMatchObject({
      status: 'fail',
      error: `TCP connection to 127.0.0.1:${closed} failed (ECONNREFUSED)`,
    });
  });
});
