import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { createOrdersStore, type Database, type Order, openDatabase } from '../../db/index.ts';
import { orders } from '../../db/schema.ts';

const newOrder = {
  customerId: 'cus_42',
  currency: 'EUR',
  items: [
    { sku: 'SKU-1', quantity: 2 },
    { sku: 'SKU-2', quantity: 1 },
  ],
};

interface ProblemBody {
  status: number;
  detail?: string;
  errors: { in: string; pointer: string }[];
}
interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
}

// PGlite boots PostgreSQL in WebAssembly: seconds, more on a busy CI runner.
const pgliteStartTimeoutMs = 120_000;

describe('orders routes', () => {
  let database: Database;
  let app: ReturnType<typeof createApp>['app'];

  beforeAll(async () => {
    database = await openDatabase();
    app = createApp({
      store: createOrdersStore(database.db),
      options: { logLevel: 'silent' },
    }).app;
  }, pgliteStartTimeoutMs);
  afterAll(() => database.close());

  const post = (body: unknown) =>
    app.request('/orders', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('creates an order: 201 with the order and its Location, then reads it back', async () => {
    const created = await post(newOrder);
    expect(created.status).toBe(201);
    const order = (await created.json()) as Order;
    expect(order).toMatchObject({ ...newOrder, id: expect.any(String) });
    expect(created.headers.get('Location')).toBe(`/orders/${order.id}`);

    const read = await app.request(`/orders/${order.id}`);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(order);
  });

  it('answers 400 naming every invalid field of the body at once', async () => {
    const response = await post({ currency: 'eur', items: [{ sku: 'SKU-1', quantity: 0 }] });
    expect(response.status).toBe(400);
    expect(response.headers.get('Content-Type')).toContain('application/problem+json');
    const body = (await response.json()) as ProblemBody;
    expect(body.errors.map((e) => e.pointer).sort()).toEqual([
      '#/currency',
      '#/customerId',
      '#/items/0/quantity',
    ]);
  });

  it('answers 400 naming the field when a text field holds a NUL, which PostgreSQL cannot store', async () => {
    const response = await post(
      '{"customerId":"c-1","currency":"EUR","items":[{"sku":"a\\u0000b","quantity":1}]}',
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as ProblemBody).errors).toEqual([
      expect.objectContaining({ in: 'body', pointer: '#/items/0/sku' }),
    ]);
  });

  it('counts lengths in characters: 64 emoji make a valid SKU', async () => {
    const response = await post({ ...newOrder, items: [{ sku: '📦'.repeat(64), quantity: 1 }] });
    expect(response.status).toBe(201);
  });

  it('answers 400 to an order without items', async () => {
    const response = await post({ ...newOrder, items: [] });
    expect(response.status).toBe(400);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const response = await post('{ not json');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ status: 400 });
  });

  it('answers 400 naming invalid UTF-8 when a text field is not UTF-8, and stores nothing', async () => {
    // "café" in Latin-1 (0xE9): decoded loosely it would be stored as "caf\uFFFD".
    const prefix = '{"customerId":"caf';
    const body = new Uint8Array([
      ...new TextEncoder().encode(prefix),
      0xe9,
      ...new TextEncoder().encode('","currency":"EUR","items":[{"sku":"SKU-1","quantity":1}]}'),
    ]);
    const before = await database.db.$count(orders);
    const response = await app.request('/orders', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('Content-Type')).toContain('application/problem+json');
    expect(((await response.json()) as ProblemBody).detail).toBe(
      `The request body is not valid UTF-8: invalid byte sequence at byte offset ${prefix.length}. ` +
        'Send the body encoded as UTF-8.',
    );
    expect(await database.db.$count(orders)).toBe(before);
  });

  it('answers a 404 problem naming the id when no order has it', async () => {
    const id = randomUUID();
    const response = await app.request(`/orders/${id}`);
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({
      status: 404,
      detail: `Order ${id} does not exist.`,
      instance: `/orders/${id}`,
    });
  });

  it('answers 400 when the id is not a UUID', async () => {
    const response = await app.request('/orders/42');
    expect(response.status).toBe(400);
    expect(((await response.json()) as ProblemBody).errors[0]).toMatchObject({
      in: 'path',
      pointer: '#/id',
    });
  });

  it('documents both routes in /openapi.json', async () => {
    const document = (await (await app.request('/openapi.json')).json()) as OpenApiDocument;
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/orders', '/orders/{id}']),
    );
    expect(document.paths['/orders']?.post?.responses).toHaveProperty('201');
  });
});
