export { type FuzzEnv, fuzzEnvNames, readFuzzEnv } from './fuzz-env.ts';
export {
  buildFuzzReport,
  type FuzzFailure,
  type FuzzReport,
  type FuzzRunContext,
} from './fuzz-report.ts';
export {
  defaultFuzzSeed,
  type FuzzServiceOptions,
  fuzzService,
  fuzzTestTimeoutMs,
} from './fuzz-service.ts';
export {
  type RunSchemathesisOptions,
  runSchemathesis,
  type SchemathesisReport,
  type SchemathesisRun,
} from './run-schemathesis.ts';
export { findSchemathesis, installScript, SchemathesisMissingError } from './schemathesis-bin.ts';
