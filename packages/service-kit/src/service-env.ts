import type { Logger } from 'pino';

/**
 * The Hono environment of every service-kit app: each request carries its id and a logger
 * whose lines include that id. Type your route groups with it.
 *
 * @example
 * const orders = new OpenAPIHono<ServiceEnv>();
 * orders.get('/ping', (c) => {
 *   c.var.logger.info('ping');
 *   return c.text(c.var.requestId);
 * });
 */
export interface ServiceEnv {
  Variables: {
    /** The request id: the caller's `X-Request-Id` when well-formed, a new UUID otherwise. */
    requestId: string;
    /** The service logger, with this request's `requestId` on every line. */
    logger: Logger;
  };
}
