import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { waitForCallees } from '../src/wait-for-callees.js';

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
    const late = await waitForCallees({
      service: 'gateway',
      callees: { orders: await serve(200) },
      say: (line) => lines.push(line),
    });
    expect(late).toEqual([]);
    expect(lines).toEqual(['gateway waits for orders…', 'orders is ready: starting gateway']);
  });

  it('should name the callees that were not ready in time, and start anyway', async () => {
    const lines: string[] = [];
    const late = await waitForCallees({
      service: 'gateway',
      callees: { orders: await serve(503) },
      say: (line) => lines.push(line),
      timeoutMs: 100,
      intervalMs: 10,
    });
    expect(late).toEqual(['orders']);
    expect(lines.at(-1)).toBe(
      'orders did not answer /readyz with 200 within 0.1 s: starting gateway anyway (its calls fail until then)',
    );
  });

  it('should neither wait nor say anything for a service that calls nobody', async () => {
    const lines: string[] = [];
    expect(
      await waitForCallees({ service: 'orders', callees: {}, say: (l) => lines.push(l) }),
    ).toEqual([]);
    expect(lines).toEqual([]);
  });
});
