import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { problem } from './problem.js';

/**
 * Turns thrown errors into problem responses. An `HTTPException` keeps its status and message
 * (its author wrote that message for the client; one built with `res` answers that response).
 * Any other error is a 500 that says nothing about the error: the access log records it with its
 * stack, keyed by the request id the client sees.
 *
 * @example
 * app.onError(handleError);
 * app.get('/orders/:id', () => { throw new HTTPException(409, { message: 'Order is closed.' }); });
 */
export const handleError: ErrorHandler = function handleError(error, c) {
  if (error instanceof HTTPException) {
    if (error.res) return error.getResponse();
    const detail = error.message === '' ? undefined : error.message;
    return problem(c, error.status as ContentfulStatusCode, { detail });
  }
  return problem(c, 500);
};
