import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { postgresTarget, tracePglite, tracePool } from './trace-queries.ts';

/** A service's tables, as its `schema.ts` module exports them. */
export type DatabaseSchema = Record<string, unknown>;

/** The query API a store uses; the same on both engines. */
export type DrizzleDatabase<Schema extends DatabaseSchema> = PgDatabase<PgQueryResultHKT, Schema>;

/** An open, migrated database and how to close it. */
export interface Database<Schema extends DatabaseSchema> {
  readonly db: DrizzleDatabase<Schema>;
  close(): Promise<void>;
}

/** Options for {@link openDatabase}. */
export interface OpenDatabaseOptions<Schema extends DatabaseSchema> {
  /** The service's tables (`import * as schema from './schema.ts'`). */
  readonly schema: Schema;
  /** The folder drizzle-kit writes; every pending migration is applied before this resolves. */
  readonly migrationsFolder: string;
  /** A PostgreSQL connection string; without it the embedded PGlite engine is used. */
  readonly url?: string | undefined;
  /** Where PGlite keeps its files; without it PGlite lives in memory. Ignored with `url`. */
  readonly dataDir?: string | undefined;
  /** Called when an idle pooled connection fails (for example the server restarted). */
  readonly onPoolError?: (error: Error) => void;
  /** Most connections the pool opens. Default: 10. */
  readonly maxConnections?: number;
}

// Any constant works; it only has to be the same in every replica of a service.
const migrationLockKey = '4242001';

/**
 * Replicas that start together would race to apply the same migration; a session-level
 * advisory lock makes them take turns, and the later ones find nothing left to do.
 */
async function withMigrationLock(pool: pg.Pool, migrate: () => Promise<void>): Promise<void> {
  const lock = await pool.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [migrationLockKey]);
    await migrate();
  } finally {
    await lock.query('select pg_advisory_unlock($1)', [migrationLockKey]).catch(() => {});
    lock.release();
  }
}

/**
 * Opens a service's database and applies every pending migration: PostgreSQL through `pg`
 * when a URL is given, else embedded PGlite, so local dev and unit tests need no server.
 * With tracing on, each statement run inside a trace (a request's) is a client span.
 * @example const database = await openDatabase({ schema, migrationsFolder: findMigrationsFolder(import.meta.url), url: config.DATABASE_URL?.reveal() });
 */
export async function openDatabase<Schema extends DatabaseSchema>({
  schema,
  migrationsFolder,
  url,
  dataDir,
  onPoolError,
  maxConnections = 10,
}: OpenDatabaseOptions<Schema>): Promise<Database<Schema>> {
  if (url !== undefined) {
    const pool = new pg.Pool({
      connectionString: url,
      max: maxConnections,
      connectionTimeoutMillis: 5_000,
    });
    // Without a listener an idle client's error would crash the process.
    pool.on('error', (error) => onPoolError?.(error));
    tracePool(pool, postgresTarget(url));
    const db = drizzlePostgres({ client: pool, schema });
    try {
      await withMigrationLock(pool, () => migratePostgres(db, { migrationsFolder }));
    } catch (error) {
      await pool.end();
      throw error;
    }
    return { db, close: () => pool.end() };
  }
  if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir);
  tracePglite(client);
  const db = drizzlePglite({ client, schema });
  try {
    await migratePglite(db, { migrationsFolder });
  } catch (error) {
    await client.close();
    throw error;
  }
  return { db, close: () => client.close() };
}
