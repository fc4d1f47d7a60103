import { errorCode } from './describe-error.ts';
import type { HealthCheck } from './health-check.ts';
import { importOptional } from './import-optional.ts';
import { onAbort } from './on-abort.ts';

/** Options of {@link postgresCheck}. */
export interface PostgresCheckOptions {
  /** Defaults to 'postgres'. */
  readonly name?: string;
  /** A secret: never reported. A function is called on every run, so rotated secrets are picked up. */
  readonly connectionString: string | (() => string);
  /** Defaults to `HealthOptions.defaultTimeoutMs`. */
  readonly timeoutMs?: number;
}

/**
 * A dependency check that connects to PostgreSQL and runs `select 1`. It loads the optional peer
 * dependency `pg` only when it first runs; failures report only an error code, never the
 * connection string.
 *
 * @example
 * const database = postgresCheck({ connectionString: () => config.DATABASE_URL.reveal() });
 */
export function postgresCheck({
  name = 'postgres',
  connectionString,
  timeoutMs,
}: PostgresCheckOptions): HealthCheck {
  return {
    name,
    dependency: true,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    check: async function checkPostgres(signal) {
      const { Client } = await importOptional('pg', 'postgresCheck', () => import('pg'));
      // The first run's import may have used up the time: never connect after the deadline.
      signal.throwIfAborted();
      let client: InstanceType<typeof Client>;
      try {
        client = new Client({
          connectionString:
            typeof connectionString === 'function' ? connectionString() : connectionString,
          ...(timeoutMs === undefined ? {} : { connectionTimeoutMillis: timeoutMs }),
        });
      } catch (error) {
        throw new Error(`postgres check could not be configured (${errorCode(error)})`);
      }
      // An error after the check finished must not crash the process.
      client.on('error', () => {});
      // `end()` would wait for a hung server to answer; destroying the socket cannot hang.
      const dispose = onAbort(signal, () => client.connection.stream.destroy());
      try {
        await client.connect();
        await client.query('select 1');
      } catch (error) {
        throw new Error(`postgres is unreachable or refused the query (${errorCode(error)})`);
      } finally {
        dispose();
        void client.end().catch(() => {});
      }
    },
  };
}
