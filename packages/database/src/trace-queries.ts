import type { PGlite, Transaction } from '@electric-sql/pglite';
import { context, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import {
  ATTR_DB_COLLECTION_NAME,
  ATTR_DB_NAMESPACE,
  ATTR_DB_OPERATION_NAME,
  ATTR_DB_QUERY_TEXT,
  ATTR_DB_RESPONSE_STATUS_CODE,
  ATTR_DB_SYSTEM_NAME,
  ATTR_ERROR_TYPE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  DB_SYSTEM_NAME_VALUE_POSTGRESQL,
} from '@opentelemetry/semantic-conventions';
import type pg from 'pg';

// Spans are made here, in the package that owns the clients, rather than by monkey-patching
// `pg` through an import hook: a service's bundle inlines `pg`, where no hook can reach it, and
// PGlite has no OpenTelemetry instrumentation at all.

const tracerName = '@slipway/database';
// Migrations can be long; a span keeps the start of the text, which names what it does.
const maxQueryTextLength = 2_000;

/** Where the queries go, for the spans' `db.namespace`, `server.address` and `server.port`. */
type QueryTarget = Readonly<Record<string, string | number>>;

/** The target of a PostgreSQL URL, without its credentials. */
export function postgresTarget(url: string): QueryTarget {
  if (!URL.canParse(url)) return {};
  const { hostname, port, pathname } = new URL(url);
  const database = decodeURIComponent(pathname.slice(1));
  return {
    ...(hostname ? { [ATTR_SERVER_ADDRESS]: hostname } : {}),
    [ATTR_SERVER_PORT]: port === '' ? 5432 : Number(port),
    ...(database ? { [ATTR_DB_NAMESPACE]: database } : {}),
  };
}

const statement = /^\s*(\w+)/;
const table = /\b(?:from|into|update|table)\s+((?:"[^"]+"|\w+)(?:\.(?:"[^"]+"|\w+))?)/i;

/**
 * Starts a client span for one SQL statement, named as OpenTelemetry's database conventions
 * say (`INSERT orders`, `SELECT orders`, `BEGIN`), or returns undefined outside a trace: a query
 * with no active span (migrations at start-up, a pool's own checks) is not worth a trace of its own.
 */
function startQuerySpan(text: string, target: QueryTarget): Span | undefined {
  if (trace.getActiveSpan() === undefined) return undefined;
  const operation = statement.exec(text)?.[1]?.toUpperCase();
  const collection = table.exec(text)?.[1]?.replaceAll('"', '');
  const name = [operation ?? 'SQL', collection].filter(Boolean).join(' ');
  return trace.getTracer(tracerName).startSpan(name, {
    kind: SpanKind.CLIENT,
    attributes: {
      [ATTR_DB_SYSTEM_NAME]: DB_SYSTEM_NAME_VALUE_POSTGRESQL,
      [ATTR_DB_QUERY_TEXT]: text.slice(0, maxQueryTextLength),
      ...(operation ? { [ATTR_DB_OPERATION_NAME]: operation } : {}),
      ...(collection ? { [ATTR_DB_COLLECTION_NAME]: collection } : {}),
      ...target,
    },
  });
}

/** Ends a query span; a failed query by its SQLSTATE, never its message (it may quote values). */
function endQuerySpan(span: Span | undefined, error?: unknown): void {
  if (span === undefined) return;
  if (error !== undefined && error !== null) {
    const code = (error as { code?: unknown }).code;
    const sqlState = typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
    if (sqlState) span.setAttribute(ATTR_DB_RESPONSE_STATUS_CODE, sqlState);
    span.setAttribute(ATTR_ERROR_TYPE, sqlState ?? (error instanceof Error ? error.name : 'error'));
    span.setStatus({ code: SpanStatusCode.ERROR });
  }
  span.end();
}

async function traced<T>(text: string, target: QueryTarget, run: () => Promise<T>): Promise<T> {
  const span = startQuerySpan(text, target);
  try {
    const result = await run();
    endQuerySpan(span);
    return result;
  } catch (error) {
    endQuerySpan(span, error ?? 'error');
    throw error;
  }
}

type PgQuery = (...args: unknown[]) => unknown;

/** Gives each statement a connection of `pool` runs a span (see `startQuerySpan`). */
export function tracePool(pool: pg.Pool, target: QueryTarget): void {
  pool.on('connect', (client) => traceClient(client, target));
  // A caller waiting for a free connection is called back when another request releases one:
  // bind the callback to the waiting caller's context, so its query joins the right trace.
  const connect = pool.connect.bind(pool) as (callback?: unknown) => unknown;
  (pool as { connect: unknown }).connect = function connectInContext(callback?: unknown) {
    return typeof callback === 'function'
      ? connect(context.bind(context.active(), callback as PgQuery))
      : connect();
  };
}

function traceClient(client: pg.PoolClient, target: QueryTarget): void {
  const query = client.query.bind(client) as PgQuery;
  (client as { query: unknown }).query = function tracedQuery(...args: unknown[]): unknown {
    const [config] = args;
    const text = typeof config === 'string' ? config : (config as { text?: unknown })?.text;
    // A Submittable (a cursor, a stream) reports through its own events: left as it is.
    if (
      typeof text !== 'string' ||
      typeof (config as { submit?: unknown })?.submit === 'function'
    ) {
      return query(...args);
    }
    const last = args.at(-1);
    if (typeof last === 'function') {
      const span = startQuerySpan(text, target);
      const callback = last as PgQuery;
      args[args.length - 1] = (error: unknown, result: unknown) => {
        endQuerySpan(span, error);
        return callback(error, result);
      };
      return query(...args);
    }
    return traced(text, target, () => query(...args) as Promise<unknown>);
  };
}

/** Gives each statement run on `client`, in a transaction too, a span (see `startQuerySpan`). */
export function tracePglite(client: PGlite): void {
  traceStatements(client);
  const transaction = client.transaction.bind(client);
  client.transaction = <T>(callback: (tx: Transaction) => Promise<T>) =>
    transaction((tx) => {
      traceStatements(tx);
      return callback(tx);
    });
}

function traceStatements(target: Pick<PGlite, 'query' | 'exec'>): void {
  const query = target.query.bind(target);
  const exec = target.exec.bind(target);
  target.query = ((text, ...rest) =>
    traced(text, {}, () => query(text, ...rest))) as PGlite['query'];
  target.exec = ((text, ...rest) => traced(text, {}, () => exec(text, ...rest))) as PGlite['exec'];
}
