export { findMigrationsFolder } from './migrations-folder.ts';
export {
  type Database,
  type DatabaseSchema,
  type DrizzleDatabase,
  type OpenDatabaseOptions,
  openDatabase,
} from './open-database.ts';
