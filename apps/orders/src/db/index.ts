<<<<<<< apps/orders/src/db/index.ts
export { type Database, type OpenDatabaseOptions, openDatabase } from './database.ts';
export {
  createOrdersStore,
  type NewOrder,
  type Order,
  type OrderItem,
  type OrdersStore,
} from './orders-store.ts';
=======
export { type Database, openDatabase } from './database.ts';
export { createNotesStore, type NotesStore } from './notes-store.ts';
>>>>>>> template 8db8c1968e2e
