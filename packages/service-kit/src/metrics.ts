import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { isUnmatched } from './not-found.ts';
import { defaultBuckets, RequestMetrics } from './request-metrics.ts';

/** Options of {@link httpMetrics}. */
export interface HttpMetricsOptions {
  /** Where the metrics are registered; defaults to a new registry of the service's own. */
  readonly registry?: Registry;
  /** Also collect Node's process metrics (CPU, memory, event loop, GC); defaults to true. */
  readonly defaultMetrics?: boolean;
  /** Histogram buckets in seconds; defaults to prom-client's (5 ms to 10 s). */
  readonly buckets?: readonly number[];
}

/** The metrics of a service and the middleware that records them. */
export interface HttpMetrics {
  readonly registry: Registry;
  readonly middleware: MiddlewareHandler;
}

/** The request metrics of each registry: load shedding counts its 503s with the answered requests. */
const requestMetricsOf = new WeakMap<Registry, RequestMetrics>();

/**
 * Counts a request that load shedding answered 503 before any middleware ran, as route `shed`:
 * the caller saw a 503, so the availability objective counts it. It is not timed: the latency
 * objective and percentiles describe the requests the service worked on.
 */
export function recordShedRequest(registry: Registry, method: string): void {
  requestMetricsOf.get(registry)?.count(method, 'shed', 503);
}

/**
 * Counts requests (`http_requests_total`) and times them (`http_request_duration_seconds`) by
 * method, status and route. The route label is the matched pattern (`/orders/:id`), never the
 * raw path, and `unmatched` for requests no route handles, so labels stay few.
 *
 * @example
 * const metrics = httpMetrics();
 * app.use(metrics.middleware);
 * // Served apart from the app, on the metrics port: see `startService`.
 * const text = await metrics.registry.metrics();
 */
export function httpMetrics({
  registry = new Registry(),
  defaultMetrics = true,
  buckets,
}: HttpMetricsOptions = {}): HttpMetrics {
  if (defaultMetrics) collectDefaultMetrics({ register: registry });
  const requests = new RequestMetrics(
    {
      counter: {
        name: 'http_requests_total',
        help: 'HTTP requests answered, by method, route pattern and status.',
      },
      histogram: {
        name: 'http_request_duration_seconds',
        help: 'Time to answer HTTP requests in seconds, by method, route pattern and status.',
      },
    },
    buckets ?? defaultBuckets,
  );
  requests.registerIn(registry);
  requestMetricsOf.set(registry, requests);

  const middleware: MiddlewareHandler = async function recordMetrics(c, next) {
    const start = performance.now();
    try {
      await next();
    } finally {
      const seconds = (performance.now() - start) / 1000;
      requests.record(c.req.method, routeLabel(c), c.res.status, seconds);
    }
  };
  return { registry, middleware };
}

function routeLabel(c: Context): string {
  return isUnmatched(c) ? 'unmatched' : routePath(c, -1);
}
