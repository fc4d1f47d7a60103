import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The `migrations/` folder drizzle-kit writes. The bundle (`dist/index.js`, where every
 * module's `import.meta.url` is the bundle's) carries a copy beside itself; from source
 * (`src/db/`) it is two folders up.
 * @example await migrate(db, { migrationsFolder: findMigrationsFolder() });
 */
export function findMigrationsFolder(): string {
  const candidates = [
    new URL('./migrations', import.meta.url),
    new URL('../../migrations', import.meta.url),
  ];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`no migrations folder found from ${fileURLToPath(import.meta.url)}`);
  return fileURLToPath(found);
}
