import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { openCache } from './open-cache.ts';

/** A port on 127.0.0.1 nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('openCache', () => {
  it('without a URL, opens the in-process engine, which answers at once', async () => {
    const cache = await openCache();
    expect(cache.engine).toBe('memory');
    expect(await cache.client.ping()).toBe('PONG');
    await cache.close();
  });

  it('fails at start-up when the server is not there, naming CACHE_URL and never the password', async () => {
    const url = `redis://:sentinel-password@127.0.0.1:${await closedPort()}`;
    const failure = openCache({ url, connectTimeoutMs: 2_000 });
    await expect(failure).rejects.toThrow(
      /^the cache at CACHE_URL \(redis:\/\/127\.0\.0\.1:\d+\) did not answer \(ECONNREFUSED\)/,
    );
    await expect(failure).rejects.not.toThrow(/sentinel-password/);
  });

  it('refuses a CACHE_URL that is not a URL without quoting it', async () => {
    const failure = openCache({ url: 'sentinel-password@nowhere' });
    await expect(failure).rejects.toThrow(/^CACHE_URL is not a URL/);
    await expect(failure).rejects.not.toThrow(/sentinel-password/);
  });
});

const serverUrl = process.env.TEST_CACHE_URL;

describe.skipIf(!serverUrl)('openCache on a Valkey/Redis server', () => {
  it('connects with the password in the URL, and names itself on the server', async () => {
    const cache = await openCache({ url: serverUrl, name: 'open-cache-test' });
    expect(cache.engine).toBe('server');
    expect(await cache.client.client('GETNAME')).toBe('open-cache-test');
    await cache.close();
  });

  it('fails at start-up with a wrong password, saying WRONGPASS and not the password', async () => {
    const url = new URL(serverUrl ?? '');
    url.password = 'sentinel-wrong-password';
    const failure = openCache({ url: url.toString() });
    await expect(failure).rejects.toThrow(/did not answer \(WRONGPASS\)/);
    await expect(failure).rejects.not.toThrow(/sentinel-wrong-password/);
  });
});
