import { traceCall } from './trace-call.ts';
import { UpstreamError } from './upstream-error.ts';

/** A `fetch`-shaped function, so a test can hand in an app's `request` or a stub. */
export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Options for {@link createUpstreamFetch}. */
export interface UpstreamFetchOptions {
  /** The called service's name, used in error messages. */
  readonly service: string;
  /** Deadline for the whole call, response body included. */
  readonly timeoutMs: number;
  /** The transport. Default: the global `fetch` (keep-alive connection pool). */
  readonly fetch?: Fetch;
}

/**
 * A `fetch` for calls to another service: enforces a deadline, reads the body before it
 * returns (so the deadline covers it), and turns failures into {@link UpstreamError}: 504 on
 * timeout, 502 when unreachable or on a 5xx. The access log records the error and its cause.
 * @example const client = hc<OrdersApi>(url, { fetch: createUpstreamFetch({ service: 'orders', timeoutMs: 3000 }) });
 */
export function createUpstreamFetch({
  service,
  timeoutMs,
  // Looked up per call: Node loads its fetch implementation on first use, not at start-up.
  fetch: transport = (input, init) => fetch(input, init),
}: UpstreamFetchOptions): Fetch {
  return function upstreamFetch(input, init = {}) {
    const call = describeCall(input, init);
    return traceCall({ service, ...call }, (traceHeaders) =>
      fetchWithin(input, { ...init, ...withHeaders(input, init, traceHeaders) }, call.operation),
    );
  };

  async function fetchWithin(
    input: string | URL | Request,
    init: RequestInit,
    operation: string,
  ): Promise<Response> {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    let response: Response;
    let body: ArrayBuffer;
    try {
      response = await transport(input, { ...init, signal });
      body = await response.arrayBuffer();
    } catch (error) {
      throw deadline.aborted
        ? new UpstreamError(
            service,
            'timeout',
            `${service} did not answer within ${timeoutMs} ms.`,
            { cause: error, operation },
          )
        : new UpstreamError(service, 'unreachable', `${service} is unreachable.`, {
            cause: error,
            operation,
          });
    }
    if (response.status >= 500) {
      throw new UpstreamError(service, 'server-error', `${service} failed to answer.`, {
        upstreamStatus: response.status,
        operation,
      });
    }
    // 204, 205 and 304 carry no body: a Response built with one (even empty) throws.
    return new Response(body.byteLength > 0 ? body : null, response);
  }
}

/** The call's method, URL, and `POST /orders`: its method and path without query or body. */
function describeCall(
  input: string | URL | Request,
  init: RequestInit,
): { method: string; url: string; operation: string } {
  const request = input instanceof Request ? input : undefined;
  const method = (init.method ?? request?.method ?? 'GET').toUpperCase();
  const url = request ? request.url : String(input);
  const path = URL.canParse(url) ? new URL(url).pathname : url.split('?')[0];
  return { method, url, operation: `${method} ${path}` };
}

/** The call's headers plus the trace context; unchanged when there is none (tracing off). */
function withHeaders(
  input: string | URL | Request,
  init: RequestInit,
  traceHeaders: Readonly<Record<string, string>>,
): Pick<RequestInit, 'headers'> {
  const names = Object.keys(traceHeaders);
  if (names.length === 0) return init.headers === undefined ? {} : { headers: init.headers };
  const headers = new Headers(
    init.headers ?? (input instanceof Request ? input.headers : undefined),
  );
  for (const name of names) headers.set(name, traceHeaders[name] ?? '');
  return { headers };
}
