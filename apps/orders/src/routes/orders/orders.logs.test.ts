import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { createOrdersStore, type Database, openDatabase } from '../../db/index.ts';

// Values only the request carries. The database below refuses them after validation has passed,
// the way a constraint added by a later migration would: they must reach no log line.
const checkedSentinel = 'REFUSED-5e1f7a';
const raisedSentinel = 'RAISED-9b2c4d';
const pgliteStartTimeoutMs = 120_000;

describe('orders when the database refuses an order', () => {
  let database: Database;
  const logs: string[] = [];
  let app: ReturnType<typeof createApp>['app'];

  beforeAll(async () => {
    database = await openDatabase();
    await database.db.execute(
      sql.raw(`alter table order_items add constraint sku_not_refused
        check (position('REFUSED-' in sku) = 0)`),
    );
    // A server-side failure whose message quotes the customer's data.
    await database.db.execute(
      sql.raw(`create function refuse_order() returns trigger language plpgsql as $$
        begin
          if position('RAISED-' in new.customer_id) > 0 then
            raise exception 'order of % refused', new.customer_id;
          end if;
          return new;
        end $$`),
    );
    await database.db.execute(
      sql.raw(`create trigger refuse_order before insert on orders
        for each row execute function refuse_order()`),
    );
    app = createApp({
      store: createOrdersStore(database.db),
      options: { logLevel: 'info', logDestination: { write: (line: string) => logs.push(line) } },
    }).app;
  }, pgliteStartTimeoutMs);
  afterAll(() => database?.close());

  const post = (order: object, requestId: string) =>
    app.request('/orders', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Request-Id': requestId },
      body: JSON.stringify(order),
    });

  it.each([
    [
      'a check constraint (the client’s data)',
      422,
      { customerId: 'c-1', currency: 'EUR', items: [{ sku: checkedSentinel, quantity: 1 }] },
      { level: 'warn', code: '23514', operation: 'insert into order_items' },
    ],
    [
      'a raised exception (the server’s fault)',
      500,
      { customerId: raisedSentinel, currency: 'EUR', items: [{ sku: 'SKU-1', quantity: 1 }] },
      { level: 'error', code: 'P0001', operation: 'insert into orders' },
    ],
  ])(
    'refused by %s: answers %i and logs code, operation and request id, not the data',
    async (_case, status, order, logged) => {
      const requestId = `refused-${status}`;
      const response = await post(order, requestId);
      const body = await response.text();

      expect(response.status).toBe(status);
      for (const sentinel of [checkedSentinel, raisedSentinel]) {
        expect(body).not.toContain(sentinel);
        expect(logs.filter((line) => line.includes(sentinel))).toEqual([]);
      }
      const lines = logs.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines).toContainEqual(
        expect.objectContaining({
          level: logged.level,
          requestId,
          err: expect.objectContaining({ code: logged.code, operation: logged.operation }),
        }),
      );
    },
  );
});
