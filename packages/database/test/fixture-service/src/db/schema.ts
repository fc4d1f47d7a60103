import { pgTable, text, uuid } from 'drizzle-orm/pg-core';

/** The one table of the fixture service's migrations. */
export const notes = pgTable('notes', {
  id: uuid('id').primaryKey(),
  text: text('text').notNull(),
});
