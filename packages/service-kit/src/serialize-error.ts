import {
  describeOperation,
  describeSqlState,
  findDatabaseFailure,
  isDatabaseError,
} from './database-error.ts';
import { redactSecretText } from './redact-text.ts';

/** An error as log lines show it: what helps find the fault, none of the request's data. */
export interface SerializedError {
  readonly type: string;
  readonly message: string;
  readonly stack?: string;
  readonly cause?: SerializedError;
  readonly errors?: readonly SerializedError[];
  /** Codes, names and identifiers the error carries (`code`, `operation`, `table`, ...). */
  readonly [field: string]: unknown;
}

// Own properties worth logging: codes and identifiers. Anything else an error carries — a
// query's parameters, a database's `detail` (it quotes the row), a request body — stays out.
const keptFields = [
  'code',
  'condition',
  'operation',
  'errno',
  'syscall',
  'address',
  'port',
  'status',
  'statusCode',
  'service',
  'failure',
  'upstreamStatus',
  'severity',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
] as const;
const maxDepth = 8;
const maxErrors = 10;

/**
 * The log form of an error: its type, a message with credentials masked, the stack's frames,
 * its causes, and only the fields in a fixed list of codes and identifiers. A database error
 * (see `findDatabaseFailure`) is described by its SQLSTATE, condition and operation instead of
 * its message, which may quote the values it refused; an error carrying SQL, such as Drizzle's
 * `DrizzleQueryError`, by its operation instead of the query and its parameters.
 *
 * @example
 * logger.error({ err: serializeError(error) }, 'order not stored');
 */
export function serializeError(error: Error): SerializedError {
  return serialize(error, 0, new Set());
}

/**
 * {@link serializeError}'s form of an error, anything else as it is: the logger passes it to
 * `redactSecrets` as `replaceInstance`, so errors at any depth are logged safely.
 * @example redactSecrets({ err, orderId }, { replaceInstance: safeErrorForm });
 */
export function safeErrorForm(value: object): unknown {
  return value instanceof Error ? serializeError(value) : value;
}

function serialize(error: Error, depth: number, seen: Set<Error>): SerializedError {
  seen.add(error);
  const record = error as unknown as Record<string, unknown>;
  const database = depth === 0 ? findDatabaseFailure(error) : undefined;
  const fields: Record<string, unknown> = {};
  for (const key of keptFields) {
    const value = record[key];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      fields[key] = typeof value === 'string' ? redactSecretText(value) : value;
    }
  }
  // The whole chain's database code and operation, on the line's own error.
  if (database) {
    const { status: _status, ...found } = database;
    for (const [key, value] of Object.entries(found)) fields[key] ??= value;
  }
  const query = describeOperation(record.query);
  if (query !== undefined) fields.operation ??= query;
  const type = typeName(error);
  const message = safeMessage(error, query);
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at\s/.test(line));
  const cause = record.cause;
  const nested = depth + 1 < maxDepth;
  const errors = Array.isArray(record.errors) ? record.errors.filter(isError) : [];
  return {
    type,
    message,
    ...fields,
    ...(frames.length > 0 ? { stack: [`${type}: ${message}`, ...frames].join('\n') } : {}),
    ...(nested && isError(cause) && !seen.has(cause)
      ? { cause: serialize(cause, depth + 1, seen) }
      : {}),
    ...(nested && errors.length > 0
      ? {
          errors: errors
            .slice(0, maxErrors)
            .filter((item) => !seen.has(item))
            .map((item) => serialize(item, depth + 1, seen)),
        }
      : {}),
  };
}

function safeMessage(error: Error, query: string | undefined): string {
  if (isDatabaseError(error)) return `database error ${describeSqlState(error.code)}`;
  if (query !== undefined) return `query failed: ${query}`;
  return redactSecretText(String(error.message));
}

function typeName(error: Error): string {
  if (isDatabaseError(error)) return 'DatabaseError';
  const constructorName = error.constructor?.name;
  // Bundlers shorten class names; the error's own name reads better then.
  return constructorName && constructorName.length > 2 ? constructorName : error.name;
}

function isError(value: unknown): value is Error {
  return value instanceof Error;
}
