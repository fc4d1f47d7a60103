import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { waitForReady } from '../src/wait-for-ready.ts';

describe('waitForReady', () => {
  let server: Server | undefined;
  afterEach(() => {
    server?.close();
  });

  async function serve(statuses: number[]): Promise<string> {
    server = createServer((_req, res) => {
      res.statusCode = statuses.shift() ?? 200;
      res.end();
    }).listen(0, '127.0.0.1');
    await once(server, 'listening');
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/readyz`;
  }

  it('should resolve true once the endpoint answers 200 after some 503s', async () => {
    const url = await serve([503, 503]);
    expect(await waitForReady({ url, intervalMs: 10 })).toBe(true);
  });

  it('should resolve false when the signal aborts while nothing listens', async () => {
    const url = await serve([]);
    server?.close();
    const controller = new AbortController();
    const waiting = waitForReady({ url, intervalMs: 10, signal: controller.signal });
    controller.abort();
    expect(await waiting).toBe(false);
  });

  it('should resolve false when the timeout runs out while the endpoint answers 503', async () => {
    const url = await serve(Array(1000).fill(503));
    expect(await waitForReady({ url, intervalMs: 10, timeoutMs: 50 })).toBe(false);
  });
});
