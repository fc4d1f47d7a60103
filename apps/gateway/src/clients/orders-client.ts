// Types only: nothing of orders is bundled into gateway; a contract change fails `tsc`.
import type { OrdersApi } from 'orders/app';
import {
  createServiceClient,
  type ServiceClient,
  type ServiceClientOptions,
} from '@slipway/service-client';

/** Options for {@link createOrdersClient}: `baseUrl` from `ORDERS_URL`, `policy` from `ORDERS_CALL_POLICY`. */
export type OrdersClientOptions = Omit<ServiceClientOptions, 'service'>;

/** The typed orders client. */
export type OrdersClient = ServiceClient<OrdersApi>;

/**
 * A typed client of the orders API: paths, bodies and answers are checked against the
 * orders routes at compile time; a failed call becomes a 502, 503 or 504 problem. Pass
 * `forwardRequestId(c)` as a call's options to carry the request id and deadline on. Make one
 * per process: its circuit breaker, retry budget and bound on calls in flight are its own.
 * @example const orders = createOrdersClient({ baseUrl: config.ORDERS_URL, policy: config.ORDERS_CALL_POLICY, metrics: service.metrics });
 */
export function createOrdersClient(options: OrdersClientOptions): OrdersClient {
  return createServiceClient<OrdersApi>({ service: 'orders', ...options });
}
