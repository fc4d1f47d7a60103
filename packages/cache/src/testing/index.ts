export {
  type TestCache,
  type TestCacheConnection,
  type TestCacheEngine,
  testCacheUrlVariable,
  testEngines,
} from './test-engines.ts';
