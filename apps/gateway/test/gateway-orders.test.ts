import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp as createOrdersApp } from 'orders/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestDeadlineHeader } from '@slipway/platform-contract';
import { startStubService } from '@slipway/service-client/testing';
import { type RunningService, startService } from '@slipway/service-kit';
import { createApp } from '../src/app.ts';
import { createMemoryOrdersStore } from './helpers/memory-orders-store.ts';

const listenOptions = { port: 0, host: '127.0.0.1', handleSignals: false } as const;
const newOrder = { customerId: 'cus_7', currency: 'USD', items: [{ sku: 'SKU-9', quantity: 1 }] };

/** Collects the JSON log lines a service writes (pino writes one line per call). */
function logSink() {
  const lines: Record<string, unknown>[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(JSON.parse(line)) } };
}

async function startGateway(ordersUrl: string, timeoutMs = 3_000): Promise<RunningService> {
  const service = createApp({
    orders: { baseUrl: ordersUrl, timeoutMs },
    options: { logLevel: 'silent' },
  });
  return startService(service, listenOptions);
}

describe('gateway → orders on real loopback ports', () => {
  let orders: RunningService;
  let gateway: RunningService;
  const ordersLogs = logSink();

  beforeAll(async () => {
    const service = createOrdersApp({
      store: createMemoryOrdersStore(),
      options: { logLevel: 'info', logDestination: ordersLogs.stream },
    });
    orders = await startService(service, listenOptions);
    gateway = await startGateway(orders.url);
  });
  afterAll(async () => {
    await gateway?.close();
    await orders?.close();
  });

  it('creates an order through gateway and reads it back, with one request id across both', async () => {
    const created = await fetch(`${gateway.url}/api/orders`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'e2e-create-1' },
      body: JSON.stringify(newOrder),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('X-Request-Id')).toBe('e2e-create-1');
    const order = (await created.json()) as { id: string };

    const read = await fetch(`${gateway.url}/api/orders/${order.id}`);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(order);
    expect(ordersLogs.lines).toContainEqual(
      expect.objectContaining({ requestId: 'e2e-create-1', path: '/orders', status: 201 }),
    );
  });
});

describe('gateway with hostile input', () => {
  it('answers the NUL-byte order with a 400 naming the field, without calling orders', async () => {
    const ordersLogs = logSink();
    const orders = await startService(
      createOrdersApp({
        store: createMemoryOrdersStore(),
        options: { logLevel: 'info', logDestination: ordersLogs.stream },
      }),
      listenOptions,
    );
    const gateway = await startGateway(orders.url);
    try {
      const response = await fetch(`${gateway.url}/api/orders`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"customerId":"c-1","currency":"EUR","items":[{"sku":"a\\u0000b","quantity":1}]}',
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        errors: [{ in: 'body', pointer: '#/items/0/sku' }],
      });
      expect(ordersLogs.lines.filter((line) => line.path === '/orders')).toEqual([]);
    } finally {
      await gateway.close();
      await orders.close();
    }
  });

  it('logs a failed call to orders with its failure, operation and request id, not the body', async () => {
    const sentinel = 'SENTINEL-51d3';
    const silentOrders = await startService(
      createOrdersApp({ store: createMemoryOrdersStore(), options: { logLevel: 'silent' } }),
      listenOptions,
    );
    const ordersUrl = silentOrders.url;
    await silentOrders.close();
    const logs = logSink();
    const gateway = await startService(
      createApp({
        orders: { baseUrl: ordersUrl, timeoutMs: 3_000 },
        options: { logLevel: 'info', logDestination: logs.stream },
      }),
      listenOptions,
    );
    try {
      const response = await fetch(`${gateway.url}/api/orders`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'gw-down-1' },
        body: JSON.stringify({ ...newOrder, customerId: sentinel }),
      });
      expect(response.status).toBe(502);
      expect(logs.lines.filter((line) => JSON.stringify(line).includes(sentinel))).toEqual([]);
      expect(logs.lines).toContainEqual(
        expect.objectContaining({
          level: 'error',
          requestId: 'gw-down-1',
          err: expect.objectContaining({
            service: 'orders',
            failure: 'unreachable',
            operation: 'POST /orders',
          }),
        }),
      );
    } finally {
      await gateway.close();
    }
  });
});

describe('gateway when orders is down or slow', () => {
  it('answers 502 problem JSON when orders is stopped', async () => {
    const service = createOrdersApp({
      store: createMemoryOrdersStore(),
      options: { logLevel: 'silent' },
    });
    const orders = await startService(service, listenOptions);
    const ordersUrl = orders.url;
    await orders.close();
    const gateway = await startGateway(ordersUrl);
    try {
      const response = await fetch(`${gateway.url}/api/orders/${crypto.randomUUID()}`);
      expect(response.status).toBe(502);
      expect(response.headers.get('Content-Type')).toContain('application/problem+json');
      expect(await response.json()).toMatchObject({
        status: 502,
        detail: 'orders is unreachable.',
      });
    } finally {
      await gateway.close();
    }
  });

  it("answers 504 problem JSON when orders does not answer within its call policy's timeoutMs", async () => {
    // Accepts connections and requests, never answers.
    const silent: Server = createServer(() => {});
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const { port } = silent.address() as AddressInfo;
    const gateway = await startGateway(`http://127.0.0.1:${port}`, 200);
    try {
      const response = await fetch(`${gateway.url}/api/orders/${crypto.randomUUID()}`);
      expect(response.status).toBe(504);
      expect(await response.json()).toMatchObject({
        status: 504,
        detail: 'orders did not answer within 200 ms.',
      });
    } finally {
      await gateway.close();
      silent.closeAllConnections();
      silent.close();
    }
  });
});

describe("gateway passes its caller's deadline on", () => {
  it('sends orders what is left of the deadline, and answers 504 without calling when none is', async () => {
    const orders = await startStubService(() =>
      Response.json({ message: 'not found' }, { status: 404 }),
    );
    const gateway = await startGateway(orders.url);
    try {
      const path = `${gateway.url}/api/orders/${crypto.randomUUID()}`;
      await fetch(path, { headers: { [requestDeadlineHeader]: '2000' } });
      const sent = Number(orders.requests[0]?.headers[requestDeadlineHeader]);
      expect(sent).toBeGreaterThan(0);
      expect(sent).toBeLessThanOrEqual(2000);

      const expired = await fetch(path, { headers: { [requestDeadlineHeader]: '0' } });
      expect(expired.status).toBe(504);
      expect(orders.requests).toHaveLength(1);
    } finally {
      await gateway.close();
      await orders.close();
    }
  });
});
