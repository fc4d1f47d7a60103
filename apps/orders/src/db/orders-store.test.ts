import { randomUUID } from 'node:crypto';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '@slipway/database/testing';
import { type Database, openDatabase } from './database.ts';
import { createOrdersStore } from './orders-store.ts';
import { orders } from './schema.ts';

// PGlite boots PostgreSQL in WebAssembly: seconds, more on a busy CI runner.
const pgliteStartTimeoutMs = 120_000;

/** A place to open the same database more than once. */
interface TestTarget {
  open(): Promise<Database>;
  dispose(): Promise<void>;
}

/** The same behaviour, proven on each engine the service runs on. */
function describeStore(name: string, createTarget: () => Promise<TestTarget>) {
  describe(name, () => {
    let target: TestTarget;
    let database: Database;

    beforeAll(async () => {
      target = await createTarget();
      database = await target.open();
    }, pgliteStartTimeoutMs);
    afterAll(async () => {
      await database?.close();
      await target?.dispose();
    });

    it('reads back a created order with its items in the order they were sent', async () => {
      const store = createOrdersStore(database.db);
      const created = await store.create({
        customerId: 'c-1',
        currency: 'EUR',
        items: [
          { sku: 'b-2', quantity: 2 },
          { sku: 'a-1', quantity: 1 },
        ],
      });
      expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(Number.isNaN(Date.parse(created.createdAt))).toBe(false);
      expect(await store.get(created.id)).toEqual(created);
    });

    it('returns undefined for an id that has no order', async () => {
      expect(await createOrdersStore(database.db).get(randomUUID())).toBeUndefined();
    });

    it('writes nothing when one item is rejected by the database', async () => {
      const store = createOrdersStore(database.db);
      const countOrders = async () => (await database.db.select({ n: count() }).from(orders))[0]?.n;
      const before = await countOrders();
      await expect(
        store.create({
          customerId: 'c-2',
          currency: 'EUR',
          items: [
            { sku: 'ok', quantity: 1 },
            { sku: 'bad', quantity: 0 },
          ],
        }),
      ).rejects.toThrow();
      expect(await countOrders()).toBe(before);
    });

    it('keeps existing orders when it opens an already migrated database again', {
      timeout: pgliteStartTimeoutMs,
    }, async () => {
      const created = await createOrdersStore(database.db).create({
        customerId: 'c-3',
        currency: 'USD',
        items: [{ sku: 'x', quantity: 3 }],
      });
      await database.close();
      database = await target.open();
      expect(await createOrdersStore(database.db).get(created.id)).toEqual(created);
    });
  });
}

for (const engine of testEngines('orders')) {
  describe.skipIf(engine.skipReason !== undefined)(`on ${engine.name}`, () => {
    // Each run migrates its own fresh database, so reruns and parallel runs never meet.
    describeStore(`orders store on ${engine.name}`, async () => {
      const { connection, dispose } = await engine.create();
      return { open: () => openDatabase(connection), dispose };
    });
  });
}

const postgres = testEngines('orders').find((engine) => engine.name === 'PostgreSQL');

describe.skipIf(postgres?.skipReason !== undefined)('on PostgreSQL, at once', () => {
  it('migrates once when several instances start at the same moment', async () => {
    const { connection, dispose } = await (postgres ?? expect.fail('no PostgreSQL')).create();
    try {
      const databases = await Promise.all([1, 2, 3].map(() => openDatabase(connection)));
      const store = createOrdersStore(databases[0]?.db ?? expect.fail('no database'));
      const created = await store.create({
        customerId: 'c',
        currency: 'EUR',
        items: [{ sku: 's', quantity: 1 }],
      });
      expect(
        await createOrdersStore(databases[2]?.db ?? expect.fail('no database')).get(created.id),
      ).toEqual(created);
      await Promise.all(databases.map((database) => database.close()));
    } finally {
      await dispose();
    }
  });
});
