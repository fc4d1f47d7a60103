import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import { findDatabaseFailure } from './database-error.ts';
import { problem } from './problem.ts';

const databaseDetails = {
  409: 'The request conflicts with data already stored.',
  422: 'The request is well-formed, but its values cannot be stored.',
} as const;

/**
 * An `HTTPException` that tells its caller when to try again: {@link handleError} answers it
 * with `Retry-After`. A 503 with `Retry-After` reads as "full, not broken" to the platform's
 * callers, whose circuit breakers then do not count it.
 */
export interface RetryAfterHint {
  readonly retryAfterSeconds: number;
}

function retryAfterOf(error: HTTPException): number | undefined {
  const hint: unknown = (error as Partial<RetryAfterHint>).retryAfterSeconds;
  return typeof hint === 'number' && Number.isInteger(hint) && hint >= 0 ? hint : undefined;
}

/**
 * Turns thrown errors into problem responses. An `HTTPException` keeps its status and message
 * (its author wrote that message for the client; one built with `res` answers that response),
 * and a `retryAfterSeconds` it carries ({@link RetryAfterHint}) becomes `Retry-After`.
 * A database error the request's data caused (a constraint violation, a value PostgreSQL
 * refuses; see `findDatabaseFailure`) is a 409 or 422, logged at warn with its SQLSTATE and
 * operation. Any other error is a 500 that says nothing about the error: the access log records
 * it, keyed by the request id the client sees.
 *
 * @example
 * app.onError(handleError);
 * app.get('/orders/:id', () => { throw new HTTPException(409, { message: 'Order is closed.' }); });
 */
export const handleError: ErrorHandler = function handleError(error, c) {
  if (error instanceof HTTPException) {
    if (error.res) return error.getResponse();
    const detail = error.message === '' ? undefined : error.message;
    return problem(c, error.status as ContentfulStatusCode, {
      detail,
      retryAfterSeconds: retryAfterOf(error),
    });
  }
  const database = findDatabaseFailure(error);
  if (database && database.status !== 500) {
    const logger: Logger | undefined = c.get('logger');
    logger?.warn({ err: error }, `database refused the request: answered ${database.status}`);
    return problem(c, database.status, { detail: databaseDetails[database.status] });
  }
  return problem(c, 500);
};
