import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, findMigrationsFolder, openDatabase } from '../src/index.ts';
import { type TestDatabase, testEngines } from '../src/testing/index.ts';
import * as schema from './fixture-service/src/db/schema.ts';

const migrationsFolder = findMigrationsFolder(
  new URL('./fixture-service/src/db/schema.ts', import.meta.url),
);
// PGlite boots PostgreSQL in WebAssembly: seconds, more on a busy CI runner.
const engineStartTimeoutMs = 120_000;

for (const engine of testEngines('database')) {
  describe.skipIf(engine.skipReason !== undefined)(`openDatabase on ${engine.name}`, () => {
    let target: TestDatabase;
    let database: Database<typeof schema>;
    const open = () => openDatabase({ schema, migrationsFolder, ...target.connection });

    beforeAll(async () => {
      target = await engine.create();
      database = await open();
    }, engineStartTimeoutMs);
    afterAll(async () => {
      await database?.close();
      await target?.dispose();
    });

    it('applies the migrations, so the tables are there to write and read', async () => {
      const id = randomUUID();
      await database.db.insert(schema.notes).values({ id, text: 'first' });
      const rows = await database.db.select().from(schema.notes).where(eq(schema.notes.id, id));
      expect(rows).toEqual([{ id, text: 'first' }]);
    });

    it('keeps the data when it opens an already migrated database again', {
      timeout: engineStartTimeoutMs,
    }, async () => {
      const id = randomUUID();
      await database.db.insert(schema.notes).values({ id, text: 'kept' });
      await database.close();
      database = await open();
      const rows = await database.db.select().from(schema.notes).where(eq(schema.notes.id, id));
      expect(rows).toHaveLength(1);
    });
  });
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('openDatabase on PostgreSQL, at once', () => {
  it('migrates once when several replicas start at the same moment', async () => {
    const [engine] = testEngines('database').filter((e) => e.name === 'PostgreSQL');
    const target = await (engine ?? expect.fail('no PostgreSQL engine')).create();
    try {
      const databases = await Promise.all(
        [1, 2, 3].map(() => openDatabase({ schema, migrationsFolder, ...target.connection })),
      );
      const id = randomUUID();
      await databases[0]?.db.insert(schema.notes).values({ id, text: 'shared' });
      const rows = await databases[2]?.db.select().from(schema.notes);
      expect(rows).toEqual([{ id, text: 'shared' }]);
      await Promise.all(databases.map((database) => database.close()));
    } finally {
      await target.dispose();
    }
  });
});
