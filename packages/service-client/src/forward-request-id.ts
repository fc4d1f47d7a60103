import type { Context } from 'hono';
import { requestDeadlineHeader } from '@slipway/platform-contract';
import { deadlineOf, type ServiceEnv } from '@slipway/service-kit';

/**
 * Per-call options of a typed client that carry the current request on to the called service:
 * its id (`X-Request-Id`), so one id follows a request through every service's logs, and the
 * time its caller has left (`x-request-deadline-ms`), so the call never outlasts the wait.
 * @example await orders.orders.$post({ json }, forwardRequestId(c));
 */
export function forwardRequestId(c: Context<ServiceEnv>): { headers: Record<string, string> } {
  const deadline = deadlineOf(c);
  const headers: Record<string, string> = { 'X-Request-Id': c.var.requestId };
  if (deadline) headers[requestDeadlineHeader] = String(deadline.remainingMs());
  return { headers };
}
