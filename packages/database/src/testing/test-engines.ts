import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** The variable that names a PostgreSQL server for tests; CI sets it (`.ci/postgres.sh`). */
export const testDatabaseUrlVariable = 'TEST_DATABASE_URL';

/** Where one test database lives: what `openDatabase` takes besides schema and migrations. */
export interface TestConnection {
  readonly url?: string;
  readonly dataDir?: string;
}

/** A fresh, empty database on one engine, and how to remove it. */
export interface TestDatabase {
  readonly connection: TestConnection;
  dispose(): Promise<void>;
}

/** One engine a service runs on, for its store tests. */
export interface TestEngine {
  /** `embedded PGlite` or `PostgreSQL`. */
  readonly name: string;
  /** Why its tests are skipped here, or undefined when they run. */
  readonly skipReason?: string;
  /** A fresh database; each call gives another, so reruns and parallel runs never meet. */
  create(): Promise<TestDatabase>;
}

// Database names take letters, digits and '_': the prefix is reduced to those.
const databaseName = (prefix: string) =>
  `${prefix.toLowerCase().replace(/[^a-z0-9]+/g, '_')}_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;

/** A fresh database on the server at `serverUrl`, dropped (connections and all) by `dispose`. */
async function createServerDatabase(serverUrl: string, prefix: string): Promise<TestDatabase> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const name = databaseName(prefix);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    connection: { url: url.toString() },
    dispose: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/**
 * The engines a service's store tests run on: embedded PGlite always, and a real PostgreSQL
 * server when `TEST_DATABASE_URL` names one (skipped, with the reason, when it does not).
 * @example for (const engine of testEngines('notes')) describe.skipIf(engine.skipReason)(engine.name, ...)
 */
export function testEngines(prefix: string, env = process.env): TestEngine[] {
  const serverUrl = env[testDatabaseUrlVariable];
  return [
    {
      name: 'embedded PGlite',
      create: async () => {
        const dataDir = mkdtempSync(join(tmpdir(), `${prefix}-pglite-`));
        return {
          connection: { dataDir },
          dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
        };
      },
    },
    {
      name: 'PostgreSQL',
      ...(serverUrl
        ? {}
        : {
            skipReason: `${testDatabaseUrlVariable} is not set: no PostgreSQL server to test against (CI sets one; locally: .ci/postgres.sh)`,
          }),
      create: () => {
        if (!serverUrl) throw new Error(`${testDatabaseUrlVariable} is not set`);
        return createServerDatabase(serverUrl, prefix);
      },
    },
  ];
}
