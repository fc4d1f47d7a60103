export {
  installMocks,
  isSecretMarker,
  type MockSetup,
  named,
  ofType,
  promiseOf,
  type RecordedResource,
  settle,
} from './pulumi-mocks.js';
export { type ProgramRun, runProgramWithMocks } from './run-program.js';
