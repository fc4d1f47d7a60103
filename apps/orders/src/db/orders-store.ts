import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { OrdersDatabase } from './database.ts';
import { orderItems, orders } from './schema.ts';

/** One line of an order. */
export interface OrderItem {
  readonly sku: string;
  readonly quantity: number;
}

/** What a client asks for when it creates an order. */
export interface NewOrder {
  readonly customerId: string;
  readonly currency: string;
  readonly items: OrderItem[];
}

/** A stored order. */
export interface Order extends NewOrder {
  readonly id: string;
  /** ISO 8601, set by the database. */
  readonly createdAt: string;
}

/** Creates and reads orders; the only code that knows the tables. */
export interface OrdersStore {
  create(order: NewOrder): Promise<Order>;
  /** The order, or `undefined` when no order has this id. */
  get(id: string): Promise<Order | undefined>;
}

/**
 * The orders store over a Drizzle database (PostgreSQL or PGlite).
 * @example const store = createOrdersStore(database.db); const order = await store.create(input);
 */
export function createOrdersStore(db: OrdersDatabase): OrdersStore {
  return {
    async create({ customerId, currency, items }) {
      const id = randomUUID();
      // The order and its lines are written together or not at all.
      const [row] = await db.transaction(async (tx) => {
        const inserted = await tx
          .insert(orders)
          .values({ id, customerId, currency })
          .returning({ createdAt: orders.createdAt });
        await tx
          .insert(orderItems)
          .values(items.map((item, line) => ({ orderId: id, line, ...item })));
        return inserted;
      });
      if (!row) throw new Error(`inserting order ${id} returned no row`);
      return {
        id,
        customerId,
        currency,
        items: items.map(({ sku, quantity }) => ({ sku, quantity })),
        createdAt: row.createdAt.toISOString(),
      };
    },

    async get(id) {
      const [order] = await db.select().from(orders).where(eq(orders.id, id));
      if (!order) return undefined;
      const lines = await db
        .select({ sku: orderItems.sku, quantity: orderItems.quantity })
        .from(orderItems)
        .where(eq(orderItems.orderId, id))
        .orderBy(asc(orderItems.line));
      return {
        id: order.id,
        customerId: order.customerId,
        currency: order.currency,
        items: lines,
        createdAt: order.createdAt.toISOString(),
      };
    },
  };
}
