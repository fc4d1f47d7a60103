import { OpenAPIHono } from '@hono/zod-openapi';
import type { DestinationStream, LevelWithSilent, Logger } from 'pino';
import type { Registry } from 'prom-client';
import { serverDefaults } from '@slipway/config';
import { Health } from '@slipway/health';
import { serverPaths } from '@slipway/platform-contract';
import { accessLog } from './access-log.ts';
import { addApiReference, apiReferenceAssetPaths } from './api-reference.ts';
import { limitBody } from './body-limit.ts';
import { handleError } from './error-handler.ts';
import { addHealthRoutes, probePaths } from './health-routes.ts';
import { inSequence } from './in-sequence.ts';
import { createLogger } from './logger.ts';
import { httpMetrics } from './metrics.ts';
import { handleNotFound } from './not-found.ts';
import { requestDeadline } from './request-deadline.ts';
import { requestId } from './request-id.ts';
import { securityHeaders } from './security-headers.ts';
import type { ServiceEnv } from './service-env.ts';
import { traceRequests } from './tracing/trace-requests.ts';
import { isTracingOn } from './tracing/tracing-state.ts';
import { decodeBodyAsUtf8 } from './utf8-body.ts';
import { validationHook } from './validation.ts';

/** Options of {@link createServiceApp}; {@link serviceOptionsFromConfig} fills most from config. */
export interface ServiceAppOptions {
  /** The service name: the `name` of every log line and the title of the OpenAPI document. */
  readonly name: string;
  /** The API version in the OpenAPI document; defaults to `0.0.0`. */
  readonly version?: string;
  /** The description in the OpenAPI document. */
  readonly description?: string;
  /** The probes served on `/livez`, `/readyz`, `/startupz`; defaults to one without checks. */
  readonly health?: Health;
  /** Lowest log level written; defaults to `info`. */
  readonly logLevel?: LevelWithSilent;
  /** Where log lines go; defaults to stdout. */
  readonly logDestination?: DestinationStream;
  /** Log paths to redact besides credential-named keys, in pino's syntax. */
  readonly redactPaths?: readonly string[];
  /** Largest accepted request body; defaults to 1 MiB (1 048 576 bytes). */
  readonly bodyLimitBytes?: number;
  /** Where metrics are registered; defaults to a registry of the service's own (`Service.metrics`). */
  readonly registry?: Registry;
  /** Also export Node's process metrics; defaults to true. */
  readonly defaultMetrics?: boolean;
  /** Changes to the default security headers; `false` drops one (see `defaultSecurityHeaders`). */
  readonly securityHeaders?: Readonly<Record<string, string | false>>;
  /**
   * Serve a browsable API reference (Swagger UI) on `/docs`; defaults to false.
   * `serviceOptionsFromConfig` turns it on when NODE_ENV is `development`.
   */
  readonly apiReference?: boolean;
}

/**
 * A service built by {@link createServiceApp}: add routes to `app`, then give it to `startService()`.
 */
export interface Service {
  readonly name: string;
  readonly app: OpenAPIHono<ServiceEnv>;
  readonly health: Health;
  readonly logger: Logger;
  readonly metrics: Registry;
}

/**
 * Builds a Hono app with everything a production service needs, in this order: request ids,
 * a server span per request when tracing is on (`traceRequests`), access logs, Prometheus metrics, security headers, a body limit, strict UTF-8 decoding of JSON
 * and text bodies; `GET /livez`, `/readyz`, `/startupz`, `/openapi.json`, and `/docs` when
 * `apiReference` is on; problem (RFC 9457) answers for 400, 404, 405, 413, 500. The metrics are
 * recorded here but served by `startService` on a port of their own (`/metrics` on this app is a 404).
 * Declare routes with `app.openapi(createRoute({...}), handler)` to validate requests and
 * document them.
 *
 * @example
 * const service = createServiceApp({ name: 'orders', version: '1.0.0', health });
 * service.app.openapi(getOrderRoute, (c) => c.json(order, 200));
 * await startService(service, { port: 3001 });
 */
export function createServiceApp({
  name,
  version = '0.0.0',
  description,
  health = new Health(),
  logLevel = 'info',
  logDestination,
  redactPaths,
  bodyLimitBytes = serverDefaults.bodyLimitBytes,
  registry,
  defaultMetrics = true,
  securityHeaders: securityHeaderOverrides,
  apiReference = false,
}: ServiceAppOptions): Service {
  const logger = createLogger({
    name,
    level: logLevel,
    ...(redactPaths ? { redactPaths } : {}),
    ...(logDestination ? { destination: logDestination } : {}),
  });
  const metrics = httpMetrics({ ...(registry ? { registry } : {}), defaultMetrics });
  const app = new OpenAPIHono<ServiceEnv>({ defaultHook: validationHook });

  const quietPaths = [...Object.values(probePaths)];
  if (apiReference) quietPaths.push(serverPaths.apiReference, ...apiReferenceAssetPaths);
  // One middleware for Hono, run in this order: every request passes through all of them.
  app.use(
    inSequence([
      requestId(),
      // Only when an SDK is registered: with tracing off a request pays nothing for it.
      ...(isTracingOn() ? [traceRequests({ ignorePaths: quietPaths })] : []),
      accessLog({ logger, quietPaths }),
      metrics.middleware,
      securityHeaders(securityHeaderOverrides),
      limitBody(bodyLimitBytes),
      decodeBodyAsUtf8(),
      requestDeadline(),
    ]),
  );

  addHealthRoutes(app, health);
  app.doc31(serverPaths.openApi, {
    openapi: '3.1.0',
    info: { title: name, version, ...(description ? { description } : {}) },
  });
  if (apiReference) addApiReference(app);

  app.notFound(handleNotFound(app));
  app.onError(handleError);
  return { name, app, health, logger, metrics: metrics.registry };
}
