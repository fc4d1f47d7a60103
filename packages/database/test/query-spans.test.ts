import { randomUUID } from 'node:crypto';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type CollectedSpans, collectSpans } from '@slipway/service-kit/testing';
import { type Database, findMigrationsFolder, openDatabase } from '../src/index.ts';
import { type TestDatabase, testEngines } from '../src/testing/index.ts';
import * as schema from './fixture-service/src/db/schema.ts';

const migrationsFolder = findMigrationsFolder(
  new URL('./fixture-service/src/db/schema.ts', import.meta.url),
);
const engineStartTimeoutMs = 120_000;

/** Runs `work` inside a span, as a request handler runs inside the kit's server span. */
function inRequest<T>(work: () => Promise<T>, name = 'GET /notes'): Promise<T> {
  return trace.getTracer('test').startActiveSpan(name, async (span) => {
    try {
      return await work();
    } finally {
      span.end();
    }
  });
}

for (const engine of testEngines('query_spans')) {
  describe.skipIf(engine.skipReason !== undefined)(`query spans on ${engine.name}`, () => {
    let collected: CollectedSpans;
    let target: TestDatabase;
    let database: Database<typeof schema>;

    beforeAll(async () => {
      collected = collectSpans({ serviceName: 'notes' });
      target = await engine.create();
      database = await openDatabase({ schema, migrationsFolder, ...target.connection });
    }, engineStartTimeoutMs);
    afterAll(async () => {
      await database?.close();
      await target?.dispose();
      await collected?.stop();
    });
    beforeEach(() => collected.reset());

    it('should give each statement of a request a client span, child of the request', async () => {
      const id = randomUUID();
      await inRequest(async () => {
        await database.db.insert(schema.notes).values({ id, text: 'traced' });
        await database.db.select().from(schema.notes).where(eq(schema.notes.id, id));
      });
      const request = collected.spans().find((span) => span.name === 'GET /notes');
      const queries = collected.spans().filter((span) => span.kind === SpanKind.CLIENT);
      expect(queries.map((span) => span.name)).toEqual(['INSERT notes', 'SELECT notes']);
      for (const span of queries) {
        expect(span.parentSpanContext?.spanId).toBe(request?.spanContext().spanId);
        expect(span.attributes['db.system.name']).toBe('postgresql');
      }
      expect(queries[0]?.attributes).toMatchObject({
        'db.operation.name': 'INSERT',
        'db.collection.name': 'notes',
      });
      // The statement's text with placeholders, never the values.
      expect(queries[0]?.attributes['db.query.text']).toMatch(/insert into "notes".*\$1/);
      expect(JSON.stringify(queries[0]?.attributes)).not.toContain('traced');
    });

    it('should trace the statements of a transaction', async () => {
      await inRequest(() =>
        database.db.transaction(async (tx) => {
          await tx.insert(schema.notes).values({ id: randomUUID(), text: 'in a transaction' });
        }),
      );
      const names = collected.spans().map((span) => span.name);
      expect(names).toContain('INSERT notes');
    });

    it('should fail the span of a refused statement with its SQLSTATE, not its message', async () => {
      const id = randomUUID();
      await database.db.insert(schema.notes).values({ id, text: 'first' });
      await expect(
        inRequest(() => database.db.insert(schema.notes).values({ id, text: 'secret-dupe' })),
      ).rejects.toThrow();
      const failed = collected.spans().find((span) => span.name === 'INSERT notes');
      expect(failed?.status.code).toBe(SpanStatusCode.ERROR);
      expect(failed?.attributes).toMatchObject({
        'db.response.status_code': '23505',
        'error.type': '23505',
      });
      expect(JSON.stringify([failed?.attributes, failed?.events])).not.toContain('secret-dupe');
    });

    it('should make no span for a statement outside any trace', async () => {
      await database.db.select().from(schema.notes);
      expect(collected.spans()).toEqual([]);
    });
  });
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('query spans on PostgreSQL, pool exhausted', () => {
  it('should give a query that waited for a connection to the request that made it', async () => {
    const collected = collectSpans();
    const [engine] = testEngines('query_spans').filter((e) => e.name === 'PostgreSQL');
    const target = await (engine ?? expect.fail('no PostgreSQL engine')).create();
    const database = await openDatabase({
      schema,
      migrationsFolder,
      ...target.connection,
      // Two: the migration lock holds one connection while the migrations run on another.
      maxConnections: 2,
    });
    try {
      collected.reset();
      // B waits for a connection, which A or C releases: B's query must still be B's.
      await Promise.all([
        inRequest(() => database.db.execute(sql`select pg_sleep(0.2)`), 'A'),
        inRequest(() => database.db.execute(sql`select pg_sleep(0.2)`), 'C'),
        inRequest(() => database.db.select().from(schema.notes), 'B'),
      ]);
      const spans = collected.spans();
      const idOf = (name: string) => spans.find((span) => span.name === name)?.spanContext().spanId;
      const select = spans.find((span) => span.name === 'SELECT notes');
      expect(select?.parentSpanContext?.spanId).toBe(idOf('B'));
    } finally {
      await database.close();
      await target.dispose();
      await collected.stop();
    }
  });
});
