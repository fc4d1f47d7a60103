import type { Context } from 'hono';
import type { ServiceEnv } from '@slipway/service-kit';

/**
 * Per-call options of a typed client that carry the current request id to the called
 * service, so one id follows a request through every service's logs.
 * @example await orders.orders.$post({ json }, forwardRequestId(c));
 */
export function forwardRequestId(c: Context<ServiceEnv>): { headers: Record<string, string> } {
  return { headers: { 'X-Request-Id': c.var.requestId } };
}
