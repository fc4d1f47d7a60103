import { createRouter } from '@slipway/service-kit';
import type { OrdersStore } from '../../db/index.ts';
import { createOrder, getOrder } from './orders.handlers.ts';
import { createOrderRoute, getOrderRoute } from './orders.routes.ts';

/**
 * The orders routes over a store. Its type is the API other services' typed clients use.
 * @example service.app.route('/', createOrdersRouter(store));
 */
export function createOrdersRouter(store: OrdersStore) {
  return createRouter()
    .openapi(createOrderRoute, createOrder(store))
    .openapi(getOrderRoute, getOrder(store));
}
