export {
  installMocks,
  isSecretMarker,
  type MockSetup,
  named,
  ofType,
  promiseOf,
  type RecordedResource,
  settle,
} from './pulumi-mocks.ts';
export { type ProgramRun, runProgramWithMocks } from './run-program.ts';
