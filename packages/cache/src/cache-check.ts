import { errorCode, type HealthCheck } from '@slipway/health';
import type { Cache } from './open-cache.ts';

/** Options of {@link cacheCheck}. */
export interface CacheCheckOptions {
  /** Defaults to 'cache'. */
  readonly name?: string;
  /** Defaults to `HealthOptions.defaultTimeoutMs`. */
  readonly timeoutMs?: number;
}

/**
 * A readiness check that sends PING over the service's own connection, so it proves what the
 * service uses (TLS, password, network) without opening another. Failures report only an error
 * code, never the URL.
 * @example new Health({ readiness: [cacheCheck(cache)] })
 */
export function cacheCheck(
  cache: Cache,
  { name = 'cache', timeoutMs }: CacheCheckOptions = {},
): HealthCheck {
  return {
    name,
    dependency: true,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    check: async function checkCache() {
      let reply: string;
      try {
        reply = await cache.client.ping();
      } catch (error) {
        throw new Error(`the cache did not answer PING (${errorCode(error)})`);
      }
      if (reply !== 'PONG')
        throw new Error('the cache answered PING with something else than PONG');
    },
  };
}
