import {
  type DrizzleDatabase,
  findMigrationsFolder,
  openDatabase as openServiceDatabase,
  type Database as ServiceDatabase,
} from '@slipway/database';
import * as schema from './schema.ts';

/** The query API the store uses; the same on both engines. */
export type OrdersDatabase = DrizzleDatabase<typeof schema>;

/** The open, migrated orders database and how to close it. */
export type Database = ServiceDatabase<typeof schema>;

/** Where the orders database is: PostgreSQL at `url`, else embedded PGlite (in `dataDir`, or in memory). */
export interface OpenDatabaseOptions {
  readonly url?: string | undefined;
  readonly dataDir?: string | undefined;
  /** Called when an idle pooled connection fails (for example the server restarted). */
  readonly onPoolError?: (error: Error) => void;
}

/**
 * Opens the orders database and applies every pending migration from `migrations/`.
 * @example const database = await openDatabase({ url: config.DATABASE_URL?.reveal() });
 */
export function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  return openServiceDatabase({
    schema,
    migrationsFolder: findMigrationsFolder(import.meta.url),
    ...options,
  });
}
