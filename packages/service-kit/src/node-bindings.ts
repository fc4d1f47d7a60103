import type { HttpBindings } from '@hono/node-server';
import type { Context, Next } from 'hono';

// Web Headers objects cost microseconds per operation; Node's own request and response, which
// @hono/node-server passes as bindings, cost far less. Fall back to Hono where they are absent
// (app.request() in tests, other runtimes).

/**
 * A request header, read from Node's parsed headers when served by `@hono/node-server`.
 *
 * @example
 * const id = readRequestHeader(c, 'x-request-id');
 */
export function readRequestHeader(c: Context, lowerCaseName: string): string | undefined {
  const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
  if (!incoming) return c.req.header(lowerCaseName);
  const value = incoming.headers[lowerCaseName];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Sets response headers that the handler's own headers override, then runs `next`: directly on
 * Node's response when served by `@hono/node-server`, otherwise on `c.res` once `next` is done.
 *
 * @example
 * app.use((c, next) => withDefaultHeaders(c, [['x-content-type-options', 'nosniff']], next));
 */
export function withDefaultHeaders(
  c: Context,
  headers: readonly (readonly [string, string])[],
  next: Next,
): Promise<void> {
  const outgoing = (c.env as Partial<HttpBindings> | undefined)?.outgoing;
  if (outgoing) {
    for (const [name, value] of headers) outgoing.setHeader(name, value);
    return next();
  }
  return next().then(() => {
    for (const [name, value] of headers) {
      if (!c.res.headers.has(name)) c.header(name, value);
    }
  });
}

/**
 * Whether the request carries a body, judged from Node's parsed headers (`Content-Length` above
 * 0, or `Transfer-Encoding`) when served by `@hono/node-server`, without building a Web Request.
 *
 * @example
 * if (!requestHasBody(c)) return next();
 */
export function requestHasBody(c: Context): boolean {
  const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
  if (!incoming) return c.req.raw.body !== null;
  const { headers } = incoming;
  if (headers['transfer-encoding'] !== undefined) return true;
  const length = headers['content-length'];
  return length !== undefined && length !== '0';
}
