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
} from './pulumi-mocks.ts';
export { kubernetesObjects, type RenderedObject } from './rendered-object.ts';
export { isSecretMarker, maskedSecret, maskSecrets } from './secret-masking.ts';
