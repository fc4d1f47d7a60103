export {
  type BuildResult,
  type BuildServiceOptions,
  buildService,
  defaultAssets,
  defaultExternals,
} from './build-service.ts';
export { createDevEnvironment, devHost, devLogLevel } from './dev-environment.ts';
export { devMetricsPort, devMetricsPortOffset } from './dev-metrics-port.ts';
export { parseDevPort, serviceUrl } from './dev-port.ts';
export { envFileFlags, envFileName, envFiles } from './env-files.ts';
export { findService, type LocatedService } from './find-service.ts';
export { type FormatLogLineOptions, formatLogLine, useColor } from './format-log-line.ts';
export { type LogFormat, logFormatVariable, parseLogFormat } from './service-output.ts';
export { readinessPath, type WaitForReadyOptions, waitForReady } from './wait-for-ready.ts';
