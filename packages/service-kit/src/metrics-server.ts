import { createServer, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { metricsEndpoint } from '@slipway/platform-contract';
import { handleNotFound } from './not-found.ts';
import { problem } from './problem.ts';

/**
 * The app of the metrics listener: `GET /metrics` answers the registry in Prometheus's text
 * format; anything else is a problem (404, or 405 for another method on `/metrics`). It runs on
 * a port of its own so that nothing reaching the API port (the gateway, callers) reads metrics.
 * @example const app = metricsApp(service.metrics, service.logger);
 */
function metricsApp(registry: Registry, logger: Logger): Hono {
  const app = new Hono();
  app.get(metricsEndpoint.path, async function metricsHandler(c) {
    const text = await registry.metrics();
    return c.body(text, 200, {
      'Content-Type': registry.contentType,
      'Cache-Control': 'no-store',
    });
  });
  app.notFound(handleNotFound(app));
  app.onError(function metricsFailed(error, c) {
    logger.error({ err: error }, 'metrics collection failed');
    return problem(c, 500);
  });
  return app;
}

/**
 * A server (not yet listening) for {@link metricsApp}.
 * @example const server = createMetricsServer(service.metrics, service.logger);
 */
export function createMetricsServer(registry: Registry, logger: Logger): Server {
  return createServer(getRequestListener(metricsApp(registry, logger).fetch));
}

/**
 * Stops the metrics listener at once: a scrape still being answered is cut, a read that
 * nothing depends on (the pod is going away).
 * @example await closeMetricsServer(server);
 */
export function closeMetricsServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
