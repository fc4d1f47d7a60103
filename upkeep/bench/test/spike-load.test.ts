import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { type AddressInfo, createConnection, createServer as createNetServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDelayProxy } from '../src/spike/delay-proxy.ts';
import { runOpenLoopLoad } from '../src/spike/open-loop-load.ts';

// A server that answers GET /fast at once and never answers anything else.
let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/fast') {
      response.writeHead(503, { 'content-type': 'application/problem+json' });
      response.end('{"status":503}');
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('runOpenLoopLoad', () => {
  it('should keep sending at the rate while nothing is answered (an open loop), and record the hung requests', async () => {
    const { samples, phases } = await runOpenLoopLoad({
      url,
      steps: [
        { name: 'base', ratePerSecond: 20, durationMs: 500 },
        { name: 'spike', ratePerSecond: 100, durationMs: 500 },
      ],
      requests: [{ method: 'GET', path: '/hang' }],
      clientTimeoutMs: 1_500,
    });

    expect(samples.filter((s) => s.phase === 'base')).toHaveLength(10);
    expect(samples.filter((s) => s.phase === 'spike')).toHaveLength(50);
    expect(samples.every((s) => s.outcome.kind === 'timeout')).toBe(true);
    expect(phases.map((p) => [p.name, p.startMs, p.endMs])).toEqual([
      ['base', 0, 500],
      ['spike', 500, 1_000],
    ]);
  });

  it('should record each answer with its status and whether it is a problem', async () => {
    const { samples } = await runOpenLoopLoad({
      url,
      steps: [{ name: 'base', ratePerSecond: 50, durationMs: 100 }],
      requests: [{ method: 'GET', path: '/fast' }],
      clientTimeoutMs: 5_000,
    });

    expect(samples.map((s) => s.outcome)).toEqual(
      Array(5).fill({ kind: 'answer', status: 503, problem: true }),
    );
  });
});

describe('startDelayProxy', () => {
  it('should pass bytes both ways, in order, holding each reply at least the delay', async () => {
    const echo = createNetServer((socket) => socket.pipe(socket)).listen(0, '127.0.0.1');
    await once(echo, 'listening');
    const proxy = await startDelayProxy({
      target: { host: '127.0.0.1', port: (echo.address() as AddressInfo).port },
      delayMs: 50,
    });
    const client = createConnection(proxy.port, '127.0.0.1');
    await once(client, 'connect');
    let received = '';
    const sent = performance.now();
    client.on('data', (chunk: Buffer) => {
      received += chunk.toString();
    });
    client.write('first ');
    client.write('second');
    await once(client, 'data');
    const firstReplyMs = performance.now() - sent;
    while (received.length < 'first second'.length) await once(client, 'data');
    client.destroy();
    await proxy.close();
    echo.close();

    expect(received).toBe('first second');
    // Timers never fire early; a millisecond of slack for the clock's rounding.
    expect(firstReplyMs).toBeGreaterThanOrEqual(49);
  });
});
