import { createRouter } from '@slipway/service-kit';
import type { OrdersClient } from '../../clients/orders-client.js';
import { createOrder, getOrder } from './orders.handlers.js';
import { createOrderRoute, getOrderRoute } from './orders.routes.js';

/**
 * The public order routes, forwarded to the orders service.
 * @example service.app.route('/', createOrdersRouter(ordersClient));
 */
export function createOrdersRouter(orders: OrdersClient) {
  return createRouter()
    .openapi(createOrderRoute, createOrder(orders))
    .openapi(getOrderRoute, getOrder(orders));
}
