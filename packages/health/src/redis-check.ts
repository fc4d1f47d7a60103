import { errorCode } from './describe-error.ts';
import type { HealthCheck } from './health-check.ts';
import { importOptional } from './import-optional.ts';
import { onAbort } from './on-abort.ts';

/** Options of {@link redisCheck}. */
export interface RedisCheckOptions {
  /** Defaults to 'redis'. */
  readonly name?: string;
  /** `redis://` or `rediss://` URL; may carry a password, so it is never reported. */
  readonly url: string | (() => string);
  /** Defaults to `HealthOptions.defaultTimeoutMs`. */
  readonly timeoutMs?: number;
}

/**
 * A dependency check that connects to Redis and sends PING. It loads the optional peer dependency
 * `ioredis` only when it first runs, never retries, and always disconnects; failures report only
 * an error code, never the URL.
 *
 * @example
 * const cache = redisCheck({ url: () => config.REDIS_URL.reveal() });
 */
export function redisCheck({ name = 'redis', url, timeoutMs }: RedisCheckOptions): HealthCheck {
  return {
    name,
    dependency: true,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    check: async function checkRedis(signal) {
      const { Redis } = await importOptional('ioredis', 'redisCheck', () => import('ioredis'));
      // The first run's import may have used up the time: never connect after the deadline.
      signal.throwIfAborted();
      let client: InstanceType<typeof Redis>;
      try {
        client = new Redis(typeof url === 'function' ? url() : url, {
          // One attempt per run: the probe itself is the retry loop.
          lazyConnect: true,
          maxRetriesPerRequest: 0,
          retryStrategy: () => null,
          reconnectOnError: () => false,
          enableOfflineQueue: false,
          enableReadyCheck: false,
          ...(timeoutMs === undefined ? {} : { connectTimeout: timeoutMs }),
        });
      } catch (error) {
        throw new Error(`redis check could not be configured (${errorCode(error)})`);
      }
      // ioredis rejects with a bare 'Connection is closed.'; the cause arrives as an event.
      let lastEvent: unknown;
      client.on('error', (error: unknown) => {
        lastEvent = error;
      });
      const dispose = onAbort(signal, () => client.disconnect());
      try {
        await client.connect();
        const reply = await client.ping();
        if (reply !== 'PONG') throw new Error('unexpected reply');
      } catch (error) {
        const code =
          errorCode(error) === 'Error' && lastEvent ? errorCode(lastEvent) : errorCode(error);
        throw new Error(`redis is unreachable or refused PING (${code})`);
      } finally {
        dispose();
        client.disconnect();
      }
    },
  };
}
