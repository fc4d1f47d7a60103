export { type Database, type OpenDatabaseOptions, openDatabase } from './database.ts';
export {
  createOrdersStore,
  type NewOrder,
  type Order,
  type OrderItem,
  type OrdersStore,
} from './orders-store.ts';
