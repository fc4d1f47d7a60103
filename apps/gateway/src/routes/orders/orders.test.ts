import { randomUUID } from 'node:crypto';
import { createApp as createOrdersApp } from 'orders/app';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Fetch } from '@slipway/service-client';
import { createMemoryOrdersStore } from '../../../test/helpers/memory-orders-store.ts';
import { createApp } from '../../app.ts';

const newOrder = { customerId: 'cus_42', currency: 'EUR', items: [{ sku: 'SKU-1', quantity: 2 }] };

interface OrderBody {
  id: string;
  customerId: string;
}
interface ProblemBody {
  status: number;
  title: string;
  detail?: string;
}

/** The gateway app whose calls to orders go to `ordersFetch` instead of the network. */
function gatewayWith(ordersFetch: Fetch, timeoutMs = 3_000) {
  return createApp({
    orders: { baseUrl: 'http://orders.test', timeoutMs, fetch: ordersFetch },
    options: { logLevel: 'silent' },
  }).app;
}

const postOrder = (app: ReturnType<typeof gatewayWith>, body: unknown, headers = {}) =>
  app.request('/api/orders', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('gateway order routes with orders answering', () => {
  let app: ReturnType<typeof gatewayWith>;
  let ordersFetch: ReturnType<typeof vi.fn<Fetch>>;

  beforeEach(() => {
    const orders = createOrdersApp({
      store: createMemoryOrdersStore(),
      options: { logLevel: 'silent' },
    }).app;
    ordersFetch = vi.fn<Fetch>((input, init) => Promise.resolve(orders.request(input, init)));
    app = gatewayWith(ordersFetch);
  });

  it('creates an order through orders and points Location at the public path', async () => {
    const created = await postOrder(app, newOrder);
    expect(created.status).toBe(201);
    const order = (await created.json()) as OrderBody;
    expect(order).toMatchObject(newOrder);
    expect(created.headers.get('Location')).toBe(`/api/orders/${order.id}`);

    const read = await app.request(`/api/orders/${order.id}`);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(order);
  });

  it('forwards the request id to orders as X-Request-Id', async () => {
    await postOrder(app, newOrder, { 'X-Request-Id': 'req-gateway-1' });
    const init = ordersFetch.mock.calls[0]?.[1];
    expect(new Headers(init?.headers).get('X-Request-Id')).toBe('req-gateway-1');
  });

  it('answers a 404 problem when orders has no such order', async () => {
    const id = randomUUID();
    const response = await app.request(`/api/orders/${id}`);
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 404, instance: `/api/orders/${id}` });
  });

  it('rejects an invalid order with 400 without calling orders', async () => {
    const response = await postOrder(app, { ...newOrder, items: [{ sku: 'x', quantity: -1 }] });
    expect(response.status).toBe(400);
    expect(ordersFetch).not.toHaveBeenCalled();
  });
});

describe('gateway order routes when orders fails', () => {
  it('answers a 502 problem when orders is unreachable', async () => {
    const app = gatewayWith(() => Promise.reject(new TypeError('fetch failed')));
    const response = await app.request(`/api/orders/${randomUUID()}`);
    expect(response.status).toBe(502);
    expect(response.headers.get('Content-Type')).toContain('application/problem+json');
    expect((await response.json()) as ProblemBody).toMatchObject({
      status: 502,
      title: 'Bad Gateway',
      detail: 'orders is unreachable.',
    });
  });

  it('answers a 502 problem when orders answers with a 5xx', async () => {
    const app = gatewayWith(() => Promise.resolve(new Response('boom', { status: 500 })));
    const response = await postOrder(app, newOrder);
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ detail: 'orders failed to answer.' });
  });

  it('answers a 504 problem when orders does not answer within the timeout', async () => {
    const never: Fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    const response = await gatewayWith(never, 50).request(`/api/orders/${randomUUID()}`);
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({
      status: 504,
      title: 'Gateway Timeout',
      detail: 'orders did not answer within 50 ms.',
    });
  });
});
