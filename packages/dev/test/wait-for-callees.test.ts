import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { waitForCallees } from '../src/wait-for-callees.ts';
import { freePort } from './dev-process.ts';

describe('waitForCallees', () => {
  let server: Server | undefined;
  afterEach(() => {
    server?.close();
  });

  async function serve(status: number): Promise<string> {
    server = createServer((_req, res) => {
      res.statusCode = status;
      res.end();
    }).listen(0, '127.0.0.1');
    await once(server, 'listening');
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('should say whom it waits for, and that they are ready', async () => {
    const lines: string[] = [];
    const outcome = await waitForCallees({
      service: 'gateway',
      callees: { orders: await serve(200) },
      say: (line) => lines.push(line),
    });
    expect(outcome).toEqual({ late: [], notRunning: [] });
    expect(lines).toEqual(['gateway waits for orders…', 'orders is ready: starting gateway']);
  });

  it('should name the callees that were not ready in time, and start anyway', async () => {
    const lines: string[] = [];
    const outcome = await waitForCallees({
      service: 'gateway',
      callees: { orders: await serve(503) },
      say: (line) => lines.push(line),
      timeoutMs: 100,
      intervalMs: 10,
    });
    expect(outcome.late).toEqual(['orders']);
    expect(lines.at(-1)).toBe(
      'orders did not answer /readyz with 200 within 0.1 s: starting gateway anyway (its calls fail until then)',
    );
  });

  it('should name a callee nobody runs with the hint, and not wait for it', async () => {
    const lines: string[] = [];
    const url = `http://127.0.0.1:${await freePort()}`;
    const outcome = await waitForCallees({
      service: 'gateway',
      callees: { orders: url },
      say: (line) => lines.push(line),
      isStarting: () => false,
      graceMs: 0,
      intervalMs: 10,
      hint: (callee) => `start ${callee}`,
    });
    expect(outcome).toEqual({ late: [], notRunning: ['orders'] });
    expect(lines).toEqual([
      'gateway waits for orders…',
      `orders is not running (nothing answers at ${url}): start orders`,
      'starting gateway without orders (its calls to it fail until started)',
    ]);
  });

  it('should keep waiting for a callee that is starting, even before it listens', async () => {
    const lines: string[] = [];
    const outcome = await waitForCallees({
      service: 'gateway',
      callees: { orders: `http://127.0.0.1:${await freePort()}` },
      say: (line) => lines.push(line),
      isStarting: () => true,
      graceMs: 0,
      timeoutMs: 100,
      intervalMs: 10,
    });
    expect(outcome).toEqual({ late: ['orders'], notRunning: [] });
  });

  it('should neither wait nor say anything for a service that calls nobody', async () => {
    const lines: string[] = [];
    expect(
      await waitForCallees({ service: 'orders', callees: {}, say: (l) => lines.push(l) }),
    ).toEqual({ late: [], notRunning: [] });
    expect(lines).toEqual([]);
  });
});
