export {
  type BuildResult,
  type BuildServiceOptions,
  buildService,
  defaultAssets,
  defaultExternals,
} from './build-service.js';
export { createDevEnvironment } from './dev-environment.js';
export { devMetricsPort, devMetricsPortOffset } from './dev-metrics-port.js';
export { listenerUrl, parseDevPort } from './dev-port.js';
export { envFileFlags, envFileName, envFiles } from './env-files.js';
export { findService, type LocatedService } from './find-service.js';
export { type FormatLogLineOptions, formatLogLine, useColor } from './format-log-line.js';
export { type LogFormat, logFormatVariable, parseLogFormat } from './service-output.js';
export { type WaitForReadyOptions, waitForReady } from './wait-for-ready.js';
