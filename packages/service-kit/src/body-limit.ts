import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { readRequestHeader } from './node-bindings.ts';
import { problem } from './problem.ts';

/**
 * Refuses request bodies larger than `maxBytes` with a 413 problem, whether the size is announced
 * in `Content-Length` or only found while reading a chunked body.
 *
 * @example
 * app.use(limitBody(1_048_576));
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  const tooLarge = (c: Context) =>
    problem(c, 413, { detail: `The request body is larger than ${maxBytes} bytes.` });
  const limitStream = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return function limitRequestBody(c, next) {
    // Decided from the headers where possible: touching the body makes the Node adapter build a
    // full Request object, which costs much of a small request's time.
    const chunked = readRequestHeader(c, 'transfer-encoding') !== undefined;
    const length = readRequestHeader(c, 'content-length');
    if (!chunked && length === undefined) return next();
    if (!chunked) return Number(length) > maxBytes ? Promise.resolve(tooLarge(c)) : next();
    return limitStream(c, next);
  };
}
