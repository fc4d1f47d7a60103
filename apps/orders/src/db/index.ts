export { type Database, type OpenDatabaseOptions, openDatabase } from './database.js';
export {
  createOrdersStore,
  type NewOrder,
  type Order,
  type OrderItem,
  type OrdersStore,
} from './orders-store.js';
