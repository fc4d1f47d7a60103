import {
  context,
  propagation,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_FULL,
} from '@opentelemetry/semantic-conventions';
import { UpstreamError } from './upstream-error.ts';

const tracerName = '@slipway/service-client';

/** The call a span describes. */
export interface TracedCall {
  /** The called service's name. */
  readonly service: string;
  readonly method: string;
  /** The called URL; its query string stays out of the span. */
  readonly url: string;
}

/**
 * Runs one call to another service inside a client span named `<METHOD> <service>` (the
 * current request's span is its parent), and gives `run` the headers that carry the span to the
 * called service: W3C `traceparent` (and `tracestate`, `baggage`) as the registered propagator
 * writes them, none when tracing is off. The span records the answer's status, and a failure
 * as `error.type` (`timeout`, `unreachable`, `server-error`, or the error's name).
 * @example const response = await traceCall({ service: 'orders', method: 'GET', url }, (headers) => fetch(url, { headers }));
 */
export function traceCall(
  { service, method, url }: TracedCall,
  run: (traceHeaders: Readonly<Record<string, string>>) => Promise<Response>,
): Promise<Response> {
  // Looked up per call, not kept: a provider registered later (a test's) must be the one used.
  return trace
    .getTracer(tracerName)
    .startActiveSpan(
      `${method} ${service}`,
      { kind: SpanKind.CLIENT, attributes: { [ATTR_HTTP_REQUEST_METHOD]: method, ...target(url) } },
      async (span) => {
        const traceHeaders: Record<string, string> = {};
        propagation.inject(context.active(), traceHeaders);
        try {
          const response = await run(traceHeaders);
          span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, response.status);
          return response;
        } catch (error) {
          failSpan(span, error);
          throw error;
        } finally {
          span.end();
        }
      },
    );
}

function target(url: string): Record<string, string | number> {
  if (!URL.canParse(url)) return {};
  const { protocol, hostname, port, origin, pathname } = new URL(url);
  const defaultPort = protocol === 'https:' ? 443 : 80;
  return {
    [ATTR_URL_FULL]: `${origin}${pathname}`,
    [ATTR_SERVER_ADDRESS]: hostname,
    [ATTR_SERVER_PORT]: port === '' ? defaultPort : Number(port),
  };
}

function failSpan(span: Span, error: unknown): void {
  span.setStatus({ code: SpanStatusCode.ERROR });
  if (error instanceof UpstreamError) {
    span.setAttribute(ATTR_ERROR_TYPE, error.failure);
    if (error.upstreamStatus !== undefined) {
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, error.upstreamStatus);
    }
  } else {
    span.setAttribute(ATTR_ERROR_TYPE, error instanceof Error ? error.name : 'unknown');
  }
}
