import { sql } from 'drizzle-orm';
import { check, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The orders tables. Change them here, then run `npm run db:generate` to write the
 * next versioned migration into `migrations/`; the service applies it at start-up.
 */
export const orders = pgTable('orders', {
  id: uuid('id').primaryKey(),
  customerId: text('customer_id').notNull(),
  currency: text('currency').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One line of an order; `line` keeps the order in which the client sent the items. */
export const orderItems = pgTable(
  'order_items',
  {
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    line: integer('line').notNull(),
    sku: text('sku').notNull(),
    quantity: integer('quantity').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.orderId, table.line] }),
    check('order_items_quantity_positive', sql`${table.quantity} > 0`),
  ],
);
