import type { RouteHandler } from '@hono/zod-openapi';
import { problem, type ServiceEnv } from '@slipway/service-kit';
import type { OrdersStore } from '../../db/index.ts';
import type { createOrderRoute, getOrderRoute } from './orders.routes.ts';

/**
 * `POST /orders`: stores a validated order and answers 201 with it and its `Location`.
 * @example router.openapi(createOrderRoute, createOrder(store));
 */
export function createOrder(store: OrdersStore): RouteHandler<typeof createOrderRoute, ServiceEnv> {
  return async function createOrderHandler(c) {
    const order = await store.create(c.req.valid('json'));
    c.var.logger.info({ orderId: order.id }, 'order created');
    return c.json(order, 201, { Location: `/orders/${order.id}` });
  };
}

/**
 * `GET /orders/{id}`: the order, or a 404 problem.
 * @example router.openapi(getOrderRoute, getOrder(store));
 */
export function getOrder(store: OrdersStore): RouteHandler<typeof getOrderRoute, ServiceEnv> {
  return async function getOrderHandler(c) {
    const { id } = c.req.valid('param');
    const order = await store.get(id);
    if (!order) return problem(c, 404, { detail: `Order ${id} does not exist.` });
    return c.json(order, 200);
  };
}
