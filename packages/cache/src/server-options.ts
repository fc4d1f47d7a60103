import type { RedisOptions } from 'ioredis';
import { cacheCaVariable, cacheUrlVariable } from './cache-variables.ts';

/** What {@link serverOptions} needs besides the URL. */
export interface ServerSettings {
  /** PEM of the CA that signed the server's certificate, when Node does not trust it. */
  readonly caCertificate?: string | undefined;
  /** The client's name on the server (`CLIENT LIST`), e.g. the service's. */
  readonly name?: string | undefined;
  /** Put before every key, so tests (or tenants) sharing a server never meet. */
  readonly keyPrefix?: string | undefined;
  /** How long the first connection may take. */
  readonly connectTimeoutMs: number;
}

/** Where a URL points, without its credentials: safe for messages and logs. */
export function cacheLocation(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

/**
 * The ioredis options for a server URL: TLS for `rediss://`, verified against the given CA
 * (else Node's trusted ones) with the URL's host name; retries only once the first connection
 * stood, so a service with a wrong URL stops at start-up instead of retrying forever.
 * @throws Error naming CACHE_URL when the URL is not `redis://` or `rediss://`, or a CA is given
 * without TLS.
 * @example serverOptions(new URL('rediss://:token@cache.internal:6379'), { caCertificate, connectTimeoutMs: 5_000 })
 */
export function serverOptions(
  url: URL,
  { caCertificate, name, keyPrefix, connectTimeoutMs }: ServerSettings,
  connected: () => boolean,
): RedisOptions {
  const tls = url.protocol === 'rediss:';
  if (!tls && url.protocol !== 'redis:') {
    throw new Error(
      `${cacheUrlVariable} must start with rediss:// (TLS) or redis://, not ${url.protocol}//: set it to the cache server's URL, or unset it for the in-process engine`,
    );
  }
  if (caCertificate && !tls) {
    throw new Error(
      `${cacheCaVariable} is set but ${cacheUrlVariable} (${cacheLocation(url)}) is not rediss://: a CA certificate only verifies TLS; use rediss://`,
    );
  }
  return {
    lazyConnect: true,
    connectTimeout: connectTimeoutMs,
    // A cache answers fast or not at all: a miss costs less than a request that waits through
    // twenty reconnects (ioredis's default).
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => (connected() ? Math.min(attempt * 100, 2_000) : null),
    ...(name ? { connectionName: name } : {}),
    ...(keyPrefix ? { keyPrefix } : {}),
    ...(tls
      ? { tls: { servername: url.hostname, ...(caCertificate ? { ca: caCertificate } : {}) } }
      : {}),
  };
}
