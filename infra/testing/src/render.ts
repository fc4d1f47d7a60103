// What a render outside vitest (`npm run render`, the bench) shares with the tests: the same
// mocks, the same masking, the same rendered-object type. It never loads vitest.
export {
  installMocks,
  type MockSetup,
  named,
  ofType,
  promiseOf,
  type RecordedResource,
  settle,
} from './pulumi-mocks.js';
export { kubernetesObjects, type RenderedObject } from './rendered-object.js';
export { isSecretMarker, maskedSecret, maskSecrets } from './secret-masking.js';
