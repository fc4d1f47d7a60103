import { createRouter } from '@slipway/service-kit';
import type { OrdersStore } from '../../db/index.js';
import { createOrder, getOrder } from './orders.handlers.js';
import { createOrderRoute, getOrderRoute } from './orders.routes.js';

/**
 * The orders routes over a store. Its type is the API other services' typed clients use.
 * @example service.app.route('/', createOrdersRouter(store));
 */
export function createOrdersRouter(store: OrdersStore) {
  return createRouter()
    .openapi(createOrderRoute, createOrder(store))
    .openapi(getOrderRoute, getOrder(store));
}
