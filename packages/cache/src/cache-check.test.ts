import { describe, expect, it } from 'vitest';
import { Health } from '@slipway/health';
import { cacheCheck } from './cache-check.ts';
import { type Cache, openCache } from './open-cache.ts';

/** A cache whose every PING fails the way ioredis fails one, the password in the message. */
const failingCache = {
  engine: 'server',
  close: async () => {},
  client: {
    ping: async () => {
      throw Object.assign(new Error('connect ECONNRESET redis://:sentinel-password@h'), {
        code: 'ECONNRESET',
      });
    },
  },
} as unknown as Cache;

describe('cacheCheck', () => {
  it('passes readiness while the cache answers PING', async () => {
    const cache = await openCache();
    const health = new Health({ readiness: [cacheCheck(cache)] });
    expect(await health.run('readiness')).toMatchObject({
      status: 'pass',
      checks: [{ name: 'cache', status: 'pass' }],
    });
    await cache.close();
  });

  it('fails readiness when PING fails, reporting only the error code', async () => {
    const health = new Health({ readiness: [cacheCheck(failingCache, { name: 'sessions' })] });
    expect(await health.run('readiness')).toMatchObject({
      status: 'fail',
      checks: [
        { name: 'sessions', status: 'fail', error: 'the cache did not answer PING (ECONNRESET)' },
      ],
    });
  });

  it('is a dependency check, kept out of liveness', () => {
    expect(cacheCheck(failingCache).dependency).toBe(true);
  });
});

const serverUrl = process.env.TEST_CACHE_URL;

describe.skipIf(!serverUrl)('cacheCheck on a Valkey/Redis server', () => {
  it('fails readiness once the connection is closed', async () => {
    const cache = await openCache({ url: serverUrl });
    await cache.close();
    const report = await new Health({ readiness: [cacheCheck(cache)] }).run('readiness');
    expect(report.status).toBe('fail');
    expect(report.checks[0]?.error).toMatch(/^the cache did not answer PING \(/);
  });
});
