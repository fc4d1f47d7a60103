export { type CacheCheckOptions, cacheCheck } from './cache-check.ts';
export { type Cache, type CacheClient, type OpenCacheOptions, openCache } from './open-cache.ts';
