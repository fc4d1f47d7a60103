import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { HTTPException } from '@slipway/service-kit';

/**
 * Why a call to another service failed: it did not answer in time (`timeout`), could not be
 * reached (`unreachable`), answered with a 5xx (`server-error`), or was not made at all because
 * the request's deadline had passed (`deadline-exceeded`), the callee's circuit breaker is open
 * (`circuit-open`) or too many calls to it are in flight (`concurrency-limit`).
 */
export type UpstreamFailure =
  | 'timeout'
  | 'unreachable'
  | 'server-error'
  | 'deadline-exceeded'
  | 'circuit-open'
  | 'concurrency-limit';

/** What an {@link UpstreamError} carries besides its message; logged, never sent. */
export interface UpstreamErrorDetails {
  readonly cause?: unknown;
  /** The status the service answered with, for `server-error`. */
  readonly upstreamStatus?: number;
  /** The call's method and path, e.g. `POST /orders`; never its body. */
  readonly operation?: string;
  /** For a fast failure: when the caller may try again, answered as `Retry-After`. */
  readonly retryAfterSeconds?: number;
}

/**
 * The status the caller answers with: 504 when time ran out, 503 when the call failed fast (or
 * the callee itself answered 503 or 504, passed on so its caller backs off too), 502 otherwise.
 */
function statusOf(
  failure: UpstreamFailure,
  upstreamStatus: number | undefined,
): ContentfulStatusCode {
  switch (failure) {
    case 'timeout':
    case 'deadline-exceeded':
      return 504;
    case 'circuit-open':
    case 'concurrency-limit':
      return 503;
    case 'server-error':
      return upstreamStatus === 503 || upstreamStatus === 504 ? upstreamStatus : 502;
    default:
      return 502;
  }
}

/**
 * A call to another service that failed: 504 when it timed out or the request's deadline had
 * passed, 503 when it failed fast (breaker open, too many calls in flight) or the service
 * answered 503/504, 502 when it could not be reached or answered with another 5xx. The service
 * kit turns it into a problem response with this message; the access log records `service`,
 * `failure`, `operation` and the cause.
 * @example throw new UpstreamError('orders', 'timeout', 'orders did not answer within 3000 ms.');
 */
export class UpstreamError extends HTTPException {
  override readonly name = 'UpstreamError';
  readonly service: string;
  readonly failure: UpstreamFailure;
  readonly upstreamStatus: number | undefined;
  readonly operation: string | undefined;
  /**
   * Sent as `Retry-After` by the service kit's error handler: a fast failure is this service
   * protecting itself, full rather than broken, and its own callers' breakers must not count it.
   */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    service: string,
    failure: UpstreamFailure,
    message: string,
    { cause, upstreamStatus, operation, retryAfterSeconds }: UpstreamErrorDetails = {},
  ) {
    super(statusOf(failure, upstreamStatus), { message, cause });
    this.service = service;
    this.failure = failure;
    this.upstreamStatus = upstreamStatus;
    this.operation = operation;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
