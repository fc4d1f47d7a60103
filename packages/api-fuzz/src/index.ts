export { type FuzzEnv, fuzzEnvNames, readFuzzEnv } from './fuzz-env.js';
export {
  buildFuzzReport,
  type FuzzFailure,
  type FuzzReport,
  type FuzzRunContext,
} from './fuzz-report.js';
export {
  defaultFuzzSeed,
  type FuzzServiceOptions,
  fuzzService,
  fuzzTestTimeoutMs,
} from './fuzz-service.js';
export {
  type RunSchemathesisOptions,
  runSchemathesis,
  type SchemathesisReport,
  type SchemathesisRun,
} from './run-schemathesis.js';
export { findSchemathesis, installScript, SchemathesisMissingError } from './schemathesis-bin.js';
