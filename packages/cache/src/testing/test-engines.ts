import { randomUUID } from 'node:crypto';
import { openCache } from '../open-cache.ts';

/** The variable that names a Valkey/Redis server for tests; CI sets it (`.ci/cache.sh`). */
export const testCacheUrlVariable = 'TEST_CACHE_URL';

/** Where one test cache lives: what `openCache` takes. */
export interface TestCacheConnection {
  readonly url?: string;
  /** Every key of this test cache starts with it, so runs sharing a server never meet. */
  readonly keyPrefix: string;
}

/** A fresh, empty cache on one engine, and how to remove what it holds. */
export interface TestCache {
  readonly connection: TestCacheConnection;
  dispose(): Promise<void>;
}

/** One engine a service's cache runs on, for its tests. */
export interface TestCacheEngine {
  /** `in-process memory` or `Valkey/Redis server`. */
  readonly name: string;
  /** Why its tests are skipped here, or undefined when they run. */
  readonly skipReason?: string;
  /** A fresh cache; each call gives another, so reruns and parallel runs never meet. */
  create(): Promise<TestCache>;
}

const keyPrefixOf = (prefix: string) =>
  `${prefix.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}:test:${randomUUID().slice(0, 12)}:`;

/** Deletes every key under `keyPrefix`, a SCAN batch at a time (never KEYS, never FLUSHDB). */
async function removeKeys(url: string | undefined, keyPrefix: string): Promise<void> {
  // Without a prefix of its own, so SCAN's MATCH and DEL see the keys as the server holds them.
  const cache = await openCache({ url });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await cache.client.scan(cursor, 'MATCH', `${keyPrefix}*`, 'COUNT', 500);
      if (keys.length > 0) await cache.client.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await cache.close();
  }
}

/** A test cache on the engine at `url` (the in-process one without). */
const testCache = (url: string | undefined, prefix: string): TestCache => {
  const keyPrefix = keyPrefixOf(prefix);
  return {
    connection: { ...(url ? { url } : {}), keyPrefix },
    dispose: () => removeKeys(url, keyPrefix),
  };
};

/**
 * The engines a service's cache tests run on: the in-process engine always, and a real
 * Valkey/Redis server when `TEST_CACHE_URL` names one (skipped, with the reason, when it does
 * not). Each test cache has its own key prefix, and `dispose` deletes its keys.
 * @example for (const engine of testEngines('notes')) describe.skipIf(engine.skipReason)(engine.name, ...)
 */
export function testEngines(prefix: string, env = process.env): TestCacheEngine[] {
  const serverUrl = env[testCacheUrlVariable];
  return [
    { name: 'in-process memory', create: async () => testCache(undefined, prefix) },
    {
      name: 'Valkey/Redis server',
      ...(serverUrl
        ? {}
        : {
            skipReason: `${testCacheUrlVariable} is not set: no cache server to test against (CI sets one; locally: source .ci/cache.sh && start_cache)`,
          }),
      create: async () => {
        if (!serverUrl) throw new Error(`${testCacheUrlVariable} is not set`);
        return testCache(serverUrl, prefix);
      },
    },
  ];
}
