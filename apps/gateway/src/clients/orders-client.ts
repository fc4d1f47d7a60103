import { hc } from 'hono/client';
// Types only: nothing of orders is bundled into gateway; a contract change fails `tsc`.
import type { OrdersApi } from 'orders/app';
import { createUpstreamFetch, type UpstreamFetchOptions } from './upstream-fetch.js';

/** Options for {@link createOrdersClient}. */
export interface OrdersClientOptions extends Omit<UpstreamFetchOptions, 'service'> {
  /** Where orders answers, from `ORDERS_URL`. */
  readonly baseUrl: string;
}

/**
 * A typed client of the orders API (Hono RPC): paths, bodies and responses are checked
 * against the orders routes at compile time.
 * @example const orders = createOrdersClient({ baseUrl: config.ORDERS_URL, timeoutMs: 3000 });
 * const response = await orders.orders[':id'].$get({ param: { id } });
 */
export function createOrdersClient({ baseUrl, ...options }: OrdersClientOptions) {
  return hc<OrdersApi>(baseUrl, { fetch: createUpstreamFetch({ service: 'orders', ...options }) });
}

/** The typed orders client. */
export type OrdersClient = ReturnType<typeof createOrdersClient>;
