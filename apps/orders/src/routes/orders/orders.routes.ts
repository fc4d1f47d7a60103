import { createRoute, problemContent, storedText, z } from '@slipway/service-kit';

const itemSchema = z
  .object({
    sku: storedText({ minLength: 1, maxLength: 64 }).openapi({ example: 'SKU-1234' }),
    quantity: z.number().int().positive().max(10_000).openapi({ example: 2 }),
  })
  .openapi('OrderItem');

/** The body of `POST /orders`. */
const newOrderSchema = z
  .object({
    customerId: storedText({ minLength: 1, maxLength: 64 }).openapi({ example: 'cus_42' }),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR')
      .openapi({ example: 'EUR' }),
    items: z.array(itemSchema).min(1).max(100),
  })
  .openapi('NewOrder');

/** An order as the API returns it. */
const orderSchema = newOrderSchema
  .extend({
    id: z.uuid().openapi({ example: '0b8a5f3e-4c5d-4f7e-9a1b-2c3d4e5f6a7b' }),
    createdAt: z.iso.datetime().openapi({ example: '2026-01-31T12:00:00.000Z' }),
  })
  .openapi('Order');

export const createOrderRoute = createRoute({
  method: 'post',
  path: '/orders',
  summary: 'Create an order',
  request: {
    body: { required: true, content: { 'application/json': { schema: newOrderSchema } } },
  },
  responses: {
    201: {
      description: 'The order was created',
      headers: z.object({ Location: z.string().openapi({ example: '/orders/0b8a5f3e-…' }) }),
      content: { 'application/json': { schema: orderSchema } },
    },
    400: { description: 'The body is not a valid order', content: problemContent },
  },
});

export const getOrderRoute = createRoute({
  method: 'get',
  path: '/orders/{id}',
  summary: 'Read an order',
  request: {
    params: z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }),
  },
  responses: {
    200: { description: 'The order', content: { 'application/json': { schema: orderSchema } } },
    400: { description: 'The id is not a UUID', content: problemContent },
    404: { description: 'No order has this id', content: problemContent },
  },
});
