export {
  type TestConnection,
  type TestDatabase,
  type TestEngine,
  testDatabaseUrlVariable,
  testEngines,
} from './test-engines.ts';
