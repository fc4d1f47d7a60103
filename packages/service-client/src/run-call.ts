import { type CallPolicy, requestDeadlineHeader } from '@slipway/platform-contract';
import { backoffMs, retryAfterMs } from './backoff.ts';
import type { CallClock } from './call-clock.ts';
import type { CallMetrics, FastFailureReason } from './call-metrics.ts';
import type { CallOutcome, CircuitBreaker } from './circuit-breaker.ts';
import type { ConcurrencyLimit } from './concurrency-limit.ts';
import type { Fetch } from './fetch.ts';
import type { RetryBudget } from './retry-budget.ts';
import { UpstreamError, type UpstreamFailure } from './upstream-error.ts';

/** What guards every call to one callee, shared by all of a client's calls. */
export interface CallGuards {
  readonly service: string;
  readonly policy: CallPolicy;
  readonly clock: CallClock;
  readonly transport: Fetch;
  readonly breaker: CircuitBreaker;
  readonly limit: ConcurrencyLimit;
  readonly budget: RetryBudget;
  readonly metrics: CallMetrics;
}

/** One call: its request, with the headers it is sent with, and how it is named in errors. */
export interface CallRequest {
  readonly input: string | URL | Request;
  readonly init: RequestInit;
  /** Sent with every attempt; the deadline header is set here before each. */
  readonly headers: Headers;
  readonly method: string;
  /** `POST /orders`: method and path, never query or body. */
  readonly operation: string;
}

// RFC 9110 §9.2.2; POST and PATCH may do their work twice.
const idempotentMethods = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
// What a healthy replica behind the same name may answer: the proxy's or the callee's overload.
const retryableStatuses = new Set([502, 503, 504]);

type Attempt =
  | { readonly kind: 'answer'; readonly response: Response; readonly body: ArrayBuffer }
  | { readonly kind: 'timeout'; readonly cause: unknown }
  | { readonly kind: 'unreachable'; readonly cause: unknown }
  // The caller's own signal aborted: never retried, and thrown as fetch throws it (its reason).
  | { readonly kind: 'cancelled'; readonly reason: unknown };

/**
 * Sends a call within its deadline (the policy's `timeoutMs`, or less when the caller's request
 * has less left), retrying an idempotent one on a connect error or a 502/503/504 with jittered
 * backoff while the retry budget and the deadline allow; fails fast while the breaker is open or
 * too many calls are in flight. Answers the response with its body read, or throws an
 * {@link UpstreamError}.
 */
export async function runCall(guards: CallGuards, call: CallRequest): Promise<Response> {
  const { policy, clock, service } = guards;
  const header = call.headers.get(requestDeadlineHeader) ?? '';
  // Only whole milliseconds count: a malformed value is no deadline, not an expired one.
  const forwarded = /^\d{1,10}$/.test(header) ? Number(header) : Number.NaN;
  const timeoutMs = Number.isNaN(forwarded)
    ? policy.timeoutMs
    : Math.min(forwarded, policy.timeoutMs);
  if (timeoutMs <= 0)
    throw failFast(
      guards,
      call,
      'deadline_exceeded',
      `${service} was not called: the request's deadline had passed.`,
    );
  const deadlineAt = clock.now() + timeoutMs;
  guards.budget.recordCall();
  const retryable = idempotentMethods.has(call.method) && canResend(call);
  for (let retry = 0; ; retry += 1) {
    const attempt = await sendAttempt(guards, call, deadlineAt, timeoutMs, retry > 0);
    const wantsRetry =
      retryable &&
      retry < policy.retry.attempts &&
      (attempt.kind === 'unreachable' ||
        (attempt.kind === 'answer' && retryableStatuses.has(attempt.response.status)));
    const wait = wantsRetry ? waitBeforeRetry(guards, attempt, retry, deadlineAt) : undefined;
    if (wait === undefined) return settle(guards, call, attempt, timeoutMs);
    await clock.sleep(wait);
    const cancelled = call.init.signal;
    if (cancelled?.aborted) throw cancelled.reason;
  }
}

/** The wait before the next retry, or undefined when the deadline or the budget forbids it. */
function waitBeforeRetry(guards: CallGuards, attempt: Attempt, retry: number, deadlineAt: number) {
  const { clock, policy, metrics } = guards;
  const asked =
    attempt.kind === 'answer' ? retryAfterMs(attempt.response.headers, Date.now()) : undefined;
  const wait = Math.max(backoffMs(retry, policy.retry, clock.random), asked ?? 0);
  if (clock.now() + wait >= deadlineAt) {
    metrics.retrySkipped('deadline');
    return undefined;
  }
  if (!guards.budget.tryRetry()) {
    metrics.retrySkipped('budget');
    return undefined;
  }
  return wait;
}

async function sendAttempt(
  guards: CallGuards,
  call: CallRequest,
  deadlineAt: number,
  timeoutMs: number,
  isRetry: boolean,
): Promise<Attempt> {
  const { breaker, limit, service, policy } = guards;
  const remaining = Math.floor(deadlineAt - guards.clock.now());
  if (remaining <= 0)
    return { kind: 'timeout', cause: new Error(`deadline of ${timeoutMs} ms passed`) };
  if (!limit.tryEnter())
    throw failFast(guards, call, 'concurrency_limit', `${service} has too many calls in flight.`);
  const permit = breaker.tryPass();
  if (!permit) {
    limit.leave();
    throw failFast(guards, call, 'circuit_open', `${service} is failing: calls to it are paused.`);
  }
  // Counted here, once the retry is really sent: a fast failure above sent nothing.
  if (isRetry) guards.metrics.retried();
  call.headers.set(requestDeadlineHeader, String(remaining));
  const deadline = AbortSignal.timeout(remaining);
  const signal = call.init.signal ? AbortSignal.any([call.init.signal, deadline]) : deadline;
  try {
    const response = await guards.transport(call.input, {
      ...call.init,
      headers: call.headers,
      signal,
    });
    const body = await response.arrayBuffer();
    breaker.record(permit, breakerOutcome(response));
    return { kind: 'answer', response, body };
  } catch (cause) {
    const cancelled = call.init.signal;
    if (!deadline.aborted && cancelled?.aborted === true) {
      breaker.record(permit, 'not-counted');
      return { kind: 'cancelled', reason: cancelled.reason };
    }
    // A timeout counts against the callee only when it had the policy's whole timeout: with
    // less (the caller's own deadline was shorter), its slowness is not shown, and a client that
    // sends tiny deadlines must not be able to open the breaker for every other caller.
    const counted = !deadline.aborted || timeoutMs >= policy.timeoutMs;
    breaker.record(permit, counted ? 'failure' : 'not-counted');
    return deadline.aborted ? { kind: 'timeout', cause } : { kind: 'unreachable', cause };
  } finally {
    limit.leave();
  }
}

/**
 * How an answer counts for the breaker. A 503 with `Retry-After` is a callee shedding load: it
 * answered at once and is healthy, only full. The concurrency bound and its shedding pace the
 * calls; opening the breaker would also stop the calls it can still serve (the spike test saw
 * goodput fall from a quarter of the spike to a hundredth).
 */
function breakerOutcome(response: Response): CallOutcome {
  if (response.status === 503 && response.headers.has('retry-after')) return 'not-counted';
  return response.status >= 500 ? 'failure' : 'success';
}

function settle(
  guards: CallGuards,
  call: CallRequest,
  attempt: Attempt,
  timeoutMs: number,
): Response {
  const { service } = guards;
  const { operation } = call;
  if (attempt.kind === 'cancelled') throw attempt.reason;
  if (attempt.kind === 'timeout')
    throw new UpstreamError(
      service,
      'timeout',
      `${service} did not answer within ${timeoutMs} ms.`,
      {
        cause: attempt.cause,
        operation,
      },
    );
  if (attempt.kind === 'unreachable')
    throw new UpstreamError(service, 'unreachable', `${service} is unreachable.`, {
      cause: attempt.cause,
      operation,
    });
  const { response, body } = attempt;
  if (response.status >= 500)
    throw new UpstreamError(service, 'server-error', `${service} failed to answer.`, {
      upstreamStatus: response.status,
      operation,
    });
  // 204, 205 and 304 carry no body: a Response built with one (even empty) throws.
  return new Response(body.byteLength > 0 ? body : null, response);
}

const fastFailures: Record<FastFailureReason, UpstreamFailure> = {
  circuit_open: 'circuit-open',
  concurrency_limit: 'concurrency-limit',
  deadline_exceeded: 'deadline-exceeded',
};

// When a fast failure may be retried: once the breaker half-opens, or a second for a full bound.
// A deadline that passed is a 504, for which a retry comes too late.
function retryAfterSeconds(reason: FastFailureReason, policy: CallPolicy): number | undefined {
  if (reason === 'circuit_open') return Math.max(1, Math.ceil(policy.breaker.openMs / 1000));
  return reason === 'concurrency_limit' ? 1 : undefined;
}

function failFast(
  guards: CallGuards,
  call: CallRequest,
  reason: FastFailureReason,
  message: string,
): UpstreamError {
  guards.metrics.failedFast(reason);
  return new UpstreamError(guards.service, fastFailures[reason], message, {
    operation: call.operation,
    retryAfterSeconds: retryAfterSeconds(reason, guards.policy),
  });
}

/** Whether the body can be sent again: not a stream, which the first attempt consumed. */
function canResend({ input, init }: CallRequest): boolean {
  if (init.body instanceof ReadableStream) return false;
  return !(input instanceof Request && input.body !== null && init.body === undefined);
}
