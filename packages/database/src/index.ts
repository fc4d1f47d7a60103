export { findMigrationsFolder } from './migrations-folder.js';
export {
  type Database,
  type DatabaseSchema,
  type DrizzleDatabase,
  type OpenDatabaseOptions,
  openDatabase,
} from './open-database.js';
