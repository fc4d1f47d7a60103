import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { readRequestHeader, withDefaultHeaders } from './node-bindings.ts';
import type { ServiceEnv } from './service-env.ts';

/** Options of {@link requestId}. */
export interface RequestIdOptions {
  /** Header read from the request and echoed on the response; defaults to `X-Request-Id`. */
  readonly headerName?: string;
  /** Makes an id when the caller sent none or a malformed one; defaults to a random UUID. */
  readonly generate?: () => string;
}

// Short, printable and without separators: safe in headers, logs and label values.
const wellFormed = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Gives every request an id: the caller's header when well-formed (so one id follows a request
 * across services), a new UUID otherwise. The id is echoed on the response and set as
 * `c.var.requestId`; forward it as `X-Request-Id` when calling other services.
 *
 * @example
 * app.use(requestId());
 * app.get('/', (c) => c.text(c.var.requestId));
 */
export function requestId({
  headerName = 'X-Request-Id',
  generate = randomUUID,
}: RequestIdOptions = {}): MiddlewareHandler<ServiceEnv> {
  const lowerCaseName = headerName.toLowerCase();
  return function requestIdMiddleware(c, next) {
    const incoming = readRequestHeader(c, lowerCaseName);
    const id = incoming !== undefined && wellFormed.test(incoming) ? incoming : generate();
    c.set('requestId', id);
    return withDefaultHeaders(c, [[headerName, id]], next);
  };
}
