import type { RouteHandler } from '@hono/zod-openapi';
import { forwardRequestId } from '@slipway/service-client';
import { problem, type ServiceEnv } from '@slipway/service-kit';
import type { OrdersClient } from '../../clients/orders-client.ts';
import type { createOrderRoute, getOrderRoute } from './orders.routes.ts';

// Timeouts, fast failures, unreachable orders and its 5xx answers throw UpstreamError
// (504/503/502 problems) from the client's fetch, so the handlers only deal with the answers
// orders meant to give.

/**
 * `POST /api/orders`: creates the order in orders.
 * @example router.openapi(createOrderRoute, createOrder(ordersClient));
 */
export function createOrder(
  orders: OrdersClient,
): RouteHandler<typeof createOrderRoute, ServiceEnv> {
  return async function createOrderHandler(c) {
    const response = await orders.orders.$post({ json: c.req.valid('json') }, forwardRequestId(c));
    if (response.status === 201) {
      const order = await response.json();
      return c.json(order, 201, { Location: `/api/orders/${order.id}` });
    }
    const { detail } = await response.json();
    return problem(c, 400, detail === undefined ? {} : { detail });
  };
}

/**
 * `GET /api/orders/{id}`: the order from orders, or a 404 problem.
 * @example router.openapi(getOrderRoute, getOrder(ordersClient));
 */
export function getOrder(orders: OrdersClient): RouteHandler<typeof getOrderRoute, ServiceEnv> {
  return async function getOrderHandler(c) {
    const { id } = c.req.valid('param');
    const response = await orders.orders[':id'].$get({ param: { id } }, forwardRequestId(c));
    if (response.status === 200) return c.json(await response.json(), 200);
    if (response.status === 404) return problem(c, 404, { detail: `Order ${id} does not exist.` });
    return problem(c, 400, { detail: 'The order id is not valid.' });
  };
}
