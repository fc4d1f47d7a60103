import { Redis } from 'ioredis';
import RedisMock from 'ioredis-mock';
import { errorCode } from '@slipway/health';
import { cacheCaVariable, cacheUrlVariable } from './cache-variables.ts';
import { cacheLocation, serverOptions } from './server-options.ts';

/** The client a service uses: ioredis's, with every command, pipelines and MULTI. */
export type CacheClient = Redis;

/** An open cache and how to close it. */
export interface Cache {
  readonly client: CacheClient;
  /** `server`: a Valkey/Redis server from a URL; `memory`: the in-process engine. */
  readonly engine: 'server' | 'memory';
  /** Sends QUIT after the commands already sent; call it on shutdown. */
  close(): Promise<void>;
}

/** Options for {@link openCache}. */
export interface OpenCacheOptions {
  /** `rediss://` (TLS) or `redis://`, with the password; without it the in-process engine. */
  readonly url?: string | undefined;
  /** PEM of the CA that signed the server's certificate, when Node does not trust it. */
  readonly caCertificate?: string | undefined;
  /** The client's name on the server (`CLIENT LIST`): the service's. */
  readonly name?: string | undefined;
  /** Put before every key the client sends; tests use it to share a server. */
  readonly keyPrefix?: string | undefined;
  /** How long the first connection (TLS and AUTH included) may take. Default: 5000. */
  readonly connectTimeoutMs?: number;
  /** Called when the connection fails after start-up; the client reconnects by itself. */
  readonly onError?: (error: Error) => void;
}

/** Connects to the server at `url` and checks it answers PING, or throws a message without the password. */
async function connectServer(
  url: string,
  { onError, connectTimeoutMs = 5_000, ...settings }: OpenCacheOptions,
): Promise<Redis> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // The value is a secret: say what is wrong with it, never quote it.
    throw new Error(
      `${cacheUrlVariable} is not a URL: set it to rediss://:<password>@<host>:<port>, or unset it for the in-process engine`,
    );
  }
  let connected = false;
  const client = new Redis(
    url,
    serverOptions(parsed, { ...settings, connectTimeoutMs }, () => connected),
  );
  // ioredis rejects connect() with a bare 'Connection is closed.'; the cause arrives as an event.
  let cause: unknown;
  client.on('error', (error: Error) => {
    if (connected) onError?.(error);
    else cause = error;
  });
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    client.disconnect();
    const code = errorCode(errorCode(error) === 'Error' && cause ? cause : error);
    throw new Error(
      `the cache at ${cacheUrlVariable} (${cacheLocation(parsed)}) did not answer (${code}): check the server is up and reachable, the password in ${cacheUrlVariable}, and for TLS the CA in ${cacheCaVariable}`,
    );
  }
  connected = true;
  return client;
}

/**
 * Opens a service's cache: a Valkey/Redis server when a URL is given (it must answer before this
 * resolves), else an in-process engine with the same client API, so local dev and unit tests
 * need no server.
 * @example const cache = await openCache({ url: config.CACHE_URL?.reveal(), caCertificate: config.CACHE_CA_CERT?.reveal(), name: 'ledger' });
 */
export async function openCache(options: OpenCacheOptions = {}): Promise<Cache> {
  if (options.url) {
    const client = await connectServer(options.url, options);
    return {
      client,
      engine: 'server',
      close: async () => {
        // QUIT waits for a server that may be gone: then drop the socket.
        await client.quit().catch(() => client.disconnect());
      },
    };
  }
  // ioredis-mock keeps one data set per host and port, as a server would: every cache opened in
  // this process shares it.
  const client: Redis = new RedisMock(options.keyPrefix ? { keyPrefix: options.keyPrefix } : {});
  return {
    client,
    engine: 'memory',
    close: async () => {
      await client.quit();
    },
  };
}
