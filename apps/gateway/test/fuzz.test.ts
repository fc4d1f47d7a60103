import { createApp as createOrdersApp } from 'orders/app';
import { createOrdersStore, type Database, openDatabase } from 'orders/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzService, fuzzTestTimeoutMs } from '@slipway/api-fuzz';
import { loopbackHost } from '@slipway/config';
import { type RunningService, startService } from '@slipway/service-kit';
import { createApp } from '../src/app.ts';

// Behind gateway runs the real orders on embedded PostgreSQL: what orders or its database
// refuses must still reach the client as a documented 4xx, never as a 502.
describe('gateway API, fuzzed from its /openapi.json with orders and its database behind it', () => {
  let database: Database;
  let orders: RunningService;
  beforeAll(async () => {
    database = await openDatabase();
    const ordersApp = createOrdersApp({
      store: createOrdersStore(database.db),
      options: { logLevel: 'silent' },
    });
    orders = await startService(ordersApp, { port: 0, host: loopbackHost, handleSignals: false });
  }, 120_000);
  afterAll(async () => {
    await orders?.close();
    await database?.close();
  });

  it(
    'answers every generated request as documented, never with a 5xx',
    async () => {
      const service = createApp({
        orders: { baseUrl: orders.url, timeoutMs: 10_000 },
        options: { logLevel: 'silent' },
      });
      const report = await fuzzService(service);
      expect(report.failures, report.summary).toEqual([]);
    },
    fuzzTestTimeoutMs,
  );
});
