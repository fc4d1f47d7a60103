import { createRouter } from '@slipway/service-kit';
import type { OrdersClient } from '../../clients/orders-client.ts';
import { createOrder, getOrder } from './orders.handlers.ts';
import { createOrderRoute, getOrderRoute } from './orders.routes.ts';

/**
 * The public order routes, forwarded to the orders service.
 * @example service.app.route('/', createOrdersRouter(ordersClient));
 */
export function createOrdersRouter(orders: OrdersClient) {
  return createRouter()
    .openapi(createOrderRoute, createOrder(orders))
    .openapi(getOrderRoute, getOrder(orders));
}
