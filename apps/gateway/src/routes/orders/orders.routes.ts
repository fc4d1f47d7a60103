import { createRoute, problemContent, storedText, z } from '@slipway/service-kit';

// The public contract. It is gateway's own (a public API changes on its own schedule), and
// `tsc` checks it against the orders API each time the handlers call the typed client.
const itemSchema = z
  .object({
    sku: storedText({ minLength: 1, maxLength: 64 }).openapi({ example: 'SKU-1234' }),
    quantity: z.number().int().positive().max(10_000).openapi({ example: 2 }),
  })
  .openapi('OrderItem');

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

const orderSchema = newOrderSchema
  .extend({ id: z.uuid(), createdAt: z.iso.datetime() })
  .openapi('Order');

const upstreamResponses = {
  502: { description: 'orders is unreachable or failed', content: problemContent },
  504: { description: 'orders did not answer in time', content: problemContent },
} as const;

export const createOrderRoute = createRoute({
  method: 'post',
  path: '/api/orders',
  summary: 'Place an order',
  request: {
    body: { required: true, content: { 'application/json': { schema: newOrderSchema } } },
  },
  responses: {
    201: {
      description: 'The order was created',
      headers: z.object({ Location: z.string() }),
      content: { 'application/json': { schema: orderSchema } },
    },
    400: { description: 'The body is not a valid order', content: problemContent },
    ...upstreamResponses,
  },
});

export const getOrderRoute = createRoute({
  method: 'get',
  path: '/api/orders/{id}',
  summary: 'Read an order',
  request: {
    params: z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }),
  },
  responses: {
    200: { description: 'The order', content: { 'application/json': { schema: orderSchema } } },
    400: { description: 'The id is not a UUID', content: problemContent },
    404: { description: 'No order has this id', content: problemContent },
    ...upstreamResponses,
  },
});
