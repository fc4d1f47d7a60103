import { randomUUID } from 'node:crypto';
import type { Order, OrdersStore } from 'orders/db';

/**
 * An orders store in a Map: the real orders routes over it answer like the service does,
 * without a database.
 * @example const ordersApp = createOrdersApp({ store: createMemoryOrdersStore() }).app;
 */
export function createMemoryOrdersStore(): OrdersStore {
  const orders = new Map<string, Order>();
  return {
    async create(order) {
      const created: Order = {
        ...order,
        items: [...order.items],
        id: randomUUID(),
        createdAt: new Date().toISOString(),
      };
      orders.set(created.id, created);
      return created;
    },
    async get(id) {
      return orders.get(id);
    },
  };
}
