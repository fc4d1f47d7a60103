import {
  context,
  propagation,
  type Span,
  SpanKind,
  SpanStatusCode,
  type TextMapGetter,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_URL_PATH,
} from '@opentelemetry/semantic-conventions';
import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { readRequestHeader } from '../node-bindings.ts';
import { isUnmatched } from '../not-found.ts';
import { serializeError } from '../serialize-error.ts';
import type { ServiceEnv } from '../service-env.ts';

/** The instrumentation scope of the kit's spans. */
const tracerName = '@slipway/service-kit';

/**
 * The span attribute holding the request id: the response's `X-Request-Id` header, which the kit
 * always sets (OpenTelemetry's `http.response.header.<name>`, a list of values).
 */
export const requestIdAttribute = 'http.response.header.x-request-id';

/** Options of {@link traceRequests}. */
export interface TraceRequestsOptions {
  /** Where spans are made; defaults to the kit's tracer of the provider registered at the time. */
  readonly tracer?: Tracer;
  /** Paths that get no span (probes, the API reference's files). */
  readonly ignorePaths?: readonly string[];
}

// Reads the caller's `traceparent` from Node's parsed headers, without building Web Headers.
const requestHeaders: TextMapGetter<Context> = {
  get: (c, key) => readRequestHeader(c, key),
  keys: () => [],
};

/**
 * Makes a server span per request, the child of the caller's span when its `traceparent` says
 * so, and makes it the active span while the request is handled: log lines, outgoing calls and
 * database queries of the request join its trace. The span is named `<METHOD> <route>` once the
 * route is known (`POST /orders`, `GET /orders/:id`; the method alone for unmatched paths) and
 * carries OpenTelemetry's HTTP attributes and the request id (so it must come after
 * `requestId()`). A 5xx marks it failed, with the thrown error's safe form as an exception event.
 *
 * @example
 * app.use(requestId());
 * app.use(traceRequests({ ignorePaths: ['/livez'] }));
 */
export function traceRequests({
  tracer,
  ignorePaths = [],
}: TraceRequestsOptions = {}): MiddlewareHandler<ServiceEnv> {
  const ignored = new Set(ignorePaths);
  return function traceRequest(c, next) {
    if (ignored.has(c.req.path)) return next();
    const method = c.req.method;
    const parent = propagation.extract(context.active(), c, requestHeaders);
    const attributes = {
      [ATTR_HTTP_REQUEST_METHOD]: method,
      [ATTR_URL_PATH]: c.req.path,
      [requestIdAttribute]: [c.var.requestId],
    };
    // Looked up per request, not kept: a provider registered later (a test's) must be the one used.
    return (tracer ?? trace.getTracer(tracerName)).startActiveSpan(
      method,
      { kind: SpanKind.SERVER, attributes },
      parent,
      async (span) => {
        try {
          await next();
        } finally {
          endServerSpan(span, c, method);
        }
      },
    );
  };
}

function endServerSpan(span: Span, c: Context<ServiceEnv>, method: string): void {
  if (!isUnmatched(c)) {
    const route = routePath(c, -1);
    span.updateName(`${method} ${route}`);
    span.setAttribute(ATTR_HTTP_ROUTE, route);
  }
  const status = c.res.status;
  span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
  if (status >= 500) {
    // Only server errors fail a server span (4xx are the caller's), as OpenTelemetry's HTTP conventions say.
    span.setStatus({ code: SpanStatusCode.ERROR });
    if (c.error) {
      // The log's safe form: a database error by its SQLSTATE, never its message or the query's values.
      const safe = serializeError(c.error);
      span.setAttribute(ATTR_ERROR_TYPE, safe.type);
      span.recordException({
        name: safe.type,
        message: safe.message,
        ...(safe.stack ? { stack: safe.stack } : {}),
      });
    } else {
      span.setAttribute(ATTR_ERROR_TYPE, String(status));
    }
  }
  span.end();
}
