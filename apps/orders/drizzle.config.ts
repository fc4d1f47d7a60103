import { defineConfig } from 'drizzle-kit';

/** drizzle-kit reads this to write versioned SQL migrations: `npm run db:generate`. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './migrations',
});
