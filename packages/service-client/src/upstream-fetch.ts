import type { Registry } from 'prom-client';
import { type CallPolicy, resolveCallPolicy } from '@slipway/platform-contract';
import { type CallClock, realClock } from './call-clock.ts';
import { callMetrics } from './call-metrics.ts';
import { CircuitBreaker } from './circuit-breaker.ts';
import { ConcurrencyLimit } from './concurrency-limit.ts';
import type { Fetch } from './fetch.ts';
import { RetryBudget } from './retry-budget.ts';
import { type CallGuards, runCall } from './run-call.ts';
import { traceCall } from './trace-call.ts';

/** Options for {@link createUpstreamFetch}. */
export interface UpstreamFetchOptions {
  /** The called service's name, used in error messages and metric labels. */
  readonly service: string;
  /**
   * How calls are bounded, retried and broken: the `<CALLEE>_CALL_POLICY` config value
   * (`callPolicySchema`); defaults to `callPolicyDefaults`.
   */
  readonly policy?: CallPolicy;
  /** The deadline of one call, body and retries included; overrides `policy.timeoutMs`. */
  readonly timeoutMs?: number;
  /** The transport. Default: the global `fetch` (keep-alive connection pool). */
  readonly fetch?: Fetch;
  /** Where retries, fast failures and the breaker's state are counted: the service's `metrics`. */
  readonly metrics?: Registry;
  /** Fakes for tests of backoff, breaker and budget; real ones by default. */
  readonly clock?: Partial<CallClock>;
}

/**
 * A `fetch` for calls to one other service. Every call has a deadline (never longer than what
 * the current request has left, sent on as `x-request-deadline-ms`), reads the body before it
 * returns (so the deadline covers it), and fails as an `UpstreamError`: 504 on timeout, 502 when
 * unreachable or on a 5xx (503/504 passed on). Idempotent calls are retried on connect errors
 * and 502/503/504 with full-jitter backoff, within a retry budget; a circuit breaker and a bound
 * on calls in flight fail calls fast (503) while the service is failing or slow. Make one per
 * callee per process: the breaker, budget and bound are the client's own.
 * @example const client = hc<OrdersApi>(url, { fetch: createUpstreamFetch({ service: 'orders', policy }) });
 */
export function createUpstreamFetch({
  service,
  policy = resolveCallPolicy(),
  timeoutMs = policy.timeoutMs,
  // Looked up per call: Node loads its fetch implementation on first use, not at start-up.
  fetch: transport = (input, init) => fetch(input, init),
  metrics,
  clock: clockOverrides,
}: UpstreamFetchOptions): Fetch {
  const clock = { ...realClock, ...clockOverrides };
  const effective = { ...policy, timeoutMs };
  const breaker = new CircuitBreaker(effective.breaker, clock.now);
  const limit = new ConcurrencyLimit(effective.maxConcurrent);
  const guards: CallGuards = {
    service,
    policy: effective,
    clock,
    transport,
    breaker,
    limit,
    budget: new RetryBudget(effective.retry, clock.now),
    metrics: callMetrics(service, metrics, {
      breakerState: () => breaker.state,
      inFlight: () => limit.inFlight,
    }),
  };
  return function upstreamFetch(input, init = {}) {
    const { method, url, operation } = describeCall(input, init);
    const headers = new Headers(
      init.headers ?? (input instanceof Request ? input.headers : undefined),
    );
    return traceCall({ service, method, url }, (traceHeaders) => {
      for (const [name, value] of Object.entries(traceHeaders)) headers.set(name, value);
      return runCall(guards, { input, init, headers, method, operation });
    });
  };
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
