import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The file drizzle-kit keeps in every migrations folder. */
const journal = join('meta', '_journal.json');

/**
 * The `migrations/` folder drizzle-kit writes, found from the module that asks: the
 * nearest one up from it. A bundle (`dist/index.js`) carries a copy beside itself; from
 * source (`src/db/`) it is the service's own folder's.
 * @throws Error naming where it looked, when there is none.
 * @example findMigrationsFolder(import.meta.url)
 */
export function findMigrationsFolder(moduleUrl: string | URL): string {
  const start = dirname(fileURLToPath(moduleUrl));
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, 'migrations');
    if (existsSync(join(candidate, journal))) return candidate;
    if (existsSync(join(dir, 'package.json')) || dirname(dir) === dir) break;
  }
  throw new Error(
    `no migrations folder (migrations/${journal}) found from ${start} up to its package: run npm run db:generate in the service`,
  );
}
