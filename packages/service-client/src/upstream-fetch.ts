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
  return async function upstreamFetch(input, init = {}) {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    const operation = describeCall(input, init);
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
  };
}

/** `POST /orders`: the call's method and path, without its query string or body. */
function describeCall(input: string | URL | Request, init: RequestInit): string {
  const request = input instanceof Request ? input : undefined;
  const method = (init.method ?? request?.method ?? 'GET').toUpperCase();
  const url = request ? request.url : String(input);
  return `${method} ${URL.canParse(url) ? new URL(url).pathname : url.split('?')[0]}`;
}
