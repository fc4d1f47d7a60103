import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from 'pino';
import { isUnmatched } from './not-found.ts';
import type { ServiceEnv } from './service-env.ts';

/** Options of {@link accessLog}. */
export interface AccessLogOptions {
  readonly logger: Logger;
  /** Paths logged at debug instead of info (probes and scrapes would drown the real traffic). */
  readonly quietPaths?: readonly string[];
}

/**
 * Writes one line per request: method, path (without the query, which may carry secrets), route
 * pattern, status, duration and request id (so it must come after `requestId()`). A thrown error that became
 * a 5xx is logged at error with its stack; other 5xx at warn; quiet paths at debug; the rest at
 * info. Also sets `c.var.logger`, a child logger whose lines carry the request id.
 *
 * @example
 * app.use(accessLog({ logger, quietPaths: ['/livez', '/readyz'] }));
 */
export function accessLog({
  logger,
  quietPaths = [],
}: AccessLogOptions): MiddlewareHandler<ServiceEnv> {
  const quiet = new Set(quietPaths);
  return async function logAccess(c, next) {
    const start = performance.now();
    const requestLogger = logger.child({ requestId: c.get('requestId') });
    c.set('logger', requestLogger);
    await next();
    const status = c.res.status;
    const line = {
      method: c.req.method,
      path: c.req.path,
      route: isUnmatched(c) ? null : routePath(c, -1),
      status,
      durationMs: Math.round((performance.now() - start) * 1000) / 1000,
    };
    if (status >= 500 && c.error) {
      requestLogger.error({ ...line, err: c.error }, 'request failed');
    } else if (quiet.has(c.req.path)) {
      requestLogger.debug(line, 'request completed');
    } else if (status >= 500) {
      requestLogger.warn(line, 'request completed');
    } else {
      requestLogger.info(line, 'request completed');
    }
  };
}
