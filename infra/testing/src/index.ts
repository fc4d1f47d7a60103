export {
  installMocks,
  type MockSetup,
  named,
  ofType,
  promiseOf,
  type RecordedResource,
  settle,
} from './pulumi-mocks.js';
