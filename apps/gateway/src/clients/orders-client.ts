// Types only: nothing of orders is bundled into gateway; a contract change fails `tsc`.
import type { OrdersApi } from 'orders/app';
import {
  createServiceClient,
  type ServiceClient,
  type ServiceClientOptions,
} from '@slipway/service-client';

/** Options for {@link createOrdersClient}: `baseUrl` from `ORDERS_URL`, `timeoutMs` from `ORDERS_TIMEOUT_MS`. */
export type OrdersClientOptions = Omit<ServiceClientOptions, 'service'>;

/** The typed orders client. */
export type OrdersClient = ServiceClient<OrdersApi>;

/**
 * A typed client of the orders API: paths, bodies and answers are checked against the orders
 * routes at compile time; a failed call becomes a 502 or 504 problem.
 * @example const orders = createOrdersClient({ baseUrl: config.ORDERS_URL, timeoutMs: 3000 });
 * const response = await orders.orders[':id'].$get({ param: { id } });
 */
export function createOrdersClient(options: OrdersClientOptions): OrdersClient {
  return createServiceClient<OrdersApi>({ service: 'orders', ...options });
}
