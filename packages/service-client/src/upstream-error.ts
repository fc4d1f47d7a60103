import { HTTPException } from '@slipway/service-kit';

/** Why a call to another service failed. */
export type UpstreamFailure = 'timeout' | 'unreachable' | 'server-error';

/** What an {@link UpstreamError} carries besides its message; logged, never sent. */
export interface UpstreamErrorDetails {
  readonly cause?: unknown;
  /** The status the service answered with, for `server-error`. */
  readonly upstreamStatus?: number;
  /** The call's method and path, e.g. `POST /orders`; never its body. */
  readonly operation?: string;
}

/**
 * A call to another service that failed: 504 when it timed out, 502 when the service could
 * not be reached or answered with a 5xx. The service kit turns it into a problem response
 * with this message; the access log records `service`, `failure`, `operation` and the cause.
 * @example throw new UpstreamError('orders', 'timeout', 'orders did not answer within 3000 ms.');
 */
export class UpstreamError extends HTTPException {
  override readonly name = 'UpstreamError';
  readonly service: string;
  readonly failure: UpstreamFailure;
  readonly upstreamStatus: number | undefined;
  readonly operation: string | undefined;

  constructor(
    service: string,
    failure: UpstreamFailure,
    message: string,
    { cause, upstreamStatus, operation }: UpstreamErrorDetails = {},
  ) {
    super(failure === 'timeout' ? 504 : 502, { message, cause });
    this.service = service;
    this.failure = failure;
    this.upstreamStatus = upstreamStatus;
    this.operation = operation;
  }
}
