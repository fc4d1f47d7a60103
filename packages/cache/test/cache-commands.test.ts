import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cache, openCache } from '../src/index.ts';
import { type TestCache, testEngines } from '../src/testing/index.ts';

// The commands services use, on both engines: a test here that passes on one and fails on the
// other is a place where the in-process engine stopped behaving like the server.
for (const engine of testEngines('cache')) {
  describe.skipIf(engine.skipReason !== undefined)(`the cache on ${engine.name}`, () => {
    let target: TestCache;
    let cache: Cache;

    beforeAll(async () => {
      target = await engine.create();
      cache = await openCache(target.connection);
    });
    afterAll(async () => {
      await cache?.close();
      await target?.dispose();
    });

    it('sets with NX only when the key is absent, and GET reads the first value', async () => {
      expect(await cache.client.set('nx', 'first', 'PX', 60_000, 'NX')).toBe('OK');
      expect(await cache.client.set('nx', 'second', 'PX', 60_000, 'NX')).toBeNull();
      expect(await cache.client.get('nx')).toBe('first');
    });

    it('reports the time to live with PTTL: the PX given, -1 without one, -2 for no key', async () => {
      await cache.client.set('ttl', 'v', 'PX', 60_000);
      const left = await cache.client.pttl('ttl');
      expect(left).toBeGreaterThan(50_000);
      expect(left).toBeLessThanOrEqual(60_000);
      await cache.client.set('forever', 'v');
      expect(await cache.client.pttl('forever')).toBe(-1);
      expect(await cache.client.pttl('never-set')).toBe(-2);
    });

    it('expires a key whose time has come: PEXPIRE 0 and a PEXPIREAT in the past', async () => {
      await cache.client.set('now', 'v');
      expect(await cache.client.pexpire('now', 0)).toBe(1);
      expect(await cache.client.get('now')).toBeNull();
      await cache.client.set('past', 'v');
      expect(await cache.client.pexpireat('past', Date.now() - 1_000)).toBe(1);
      expect(await cache.client.exists('past')).toBe(0);
      expect(await cache.client.pexpire('never-set', 1_000)).toBe(0);
    });

    it('counts with INCR and INCRBY from an absent key', async () => {
      expect(await cache.client.incr('count')).toBe(1);
      expect(await cache.client.incrby('count', 41)).toBe(42);
    });

    it('keeps fields in a hash: HSET, HINCRBY, HGETALL', async () => {
      expect(await cache.client.hset('hash', { a: '1', b: 'two' })).toBe(2);
      expect(await cache.client.hincrby('hash', 'a', 2)).toBe(3);
      expect(await cache.client.hgetall('hash')).toEqual({ a: '3', b: 'two' });
      expect(await cache.client.hgetall('no-hash')).toEqual({});
    });

    it('runs MULTI as one transaction and a pipeline in order, each reply in its place', async () => {
      const transaction = await cache.client.multi().incr('hits').pexpire('hits', 60_000).exec();
      expect(transaction).toEqual([
        [null, 1],
        [null, 1],
      ]);
      const pipeline = await cache.client.pipeline().set('p', '1').get('p').del('p').exec();
      expect(pipeline).toEqual([
        [null, 'OK'],
        [null, '1'],
        [null, 1],
      ]);
    });

    it('deletes with DEL, counting only the keys that were there', async () => {
      await cache.client.set('gone', 'v');
      expect(await cache.client.del('gone', 'never-set')).toBe(1);
      expect(await cache.client.get('gone')).toBeNull();
    });

    it('never meets another test cache on the same engine: each has its own key prefix', async () => {
      const other = await engine.create();
      const neighbour = await openCache(other.connection);
      try {
        await cache.client.set('shared-name', 'mine');
        expect(await neighbour.client.get('shared-name')).toBeNull();
      } finally {
        await neighbour.close();
        await other.dispose();
      }
    });

    it('removes every key it wrote when disposed', async () => {
      const scratch = await engine.create();
      const scratchCache = await openCache(scratch.connection);
      await scratchCache.client.set('left-behind', 'v');
      await scratchCache.client.hset('left-behind-hash', { a: '1' });
      await scratch.dispose();
      expect(await scratchCache.client.exists('left-behind', 'left-behind-hash')).toBe(0);
      await scratchCache.close();
    });
  });
}
