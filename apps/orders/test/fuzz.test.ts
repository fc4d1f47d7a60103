import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzService, fuzzTestTimeoutMs } from '@slipway/api-fuzz';
import { createApp } from '../src/app.ts';
import { createOrdersStore, type Database, openDatabase } from '../src/db/index.ts';

describe('orders API, fuzzed from its /openapi.json on embedded PostgreSQL', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase();
  }, 120_000);
  afterAll(() => database?.close());

  it(
    'answers every generated request as documented, never with a 5xx',
    async () => {
      const service = createApp({
        store: createOrdersStore(database.db),
        options: { logLevel: 'silent' },
      });
      const report = await fuzzService(service);
      expect(report.failures, report.summary).toEqual([]);
    },
    fuzzTestTimeoutMs,
  );
});
