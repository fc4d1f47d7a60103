export { createRoute, z } from '@hono/zod-openapi';
export { HTTPException } from 'hono/http-exception';
export { type AccessLogOptions, accessLog } from './access-log.ts';
export { addApiReference, apiReferenceAssetPaths } from './api-reference.ts';
export { limitBody } from './body-limit.ts';
export {
  createServiceApp,
  type Service,
  type ServiceAppOptions,
} from './create-service-app.ts';
export { type DatabaseFailure, findDatabaseFailure } from './database-error.ts';
export { handleError, type RetryAfterHint } from './error-handler.ts';
export {
  type ExitCode,
  type GracefulShutdown,
  type GracefulShutdownOptions,
  gracefulShutdown,
  type ShutdownHook,
} from './graceful-shutdown.ts';
export { addHealthRoutes, probePaths } from './health-routes.ts';
export { type LoadShedding, type LoadSheddingOptions, loadShedding } from './load-shedding.ts';
export { createLogger, type LoggerOptions } from './logger.ts';
export { type HttpMetrics, type HttpMetricsOptions, httpMetrics } from './metrics.ts';
export { handleNotFound } from './not-found.ts';
export { type ServiceOptionsFromConfig, serviceOptionsFromConfig } from './options-from-config.ts';
export {
  type FieldError,
  fieldErrorSchema,
  type Problem,
  type ProblemInit,
  problem,
  problemContent,
  problemContentType,
  problemSchema,
} from './problem.ts';
export { redactSecrets } from './redact-secrets.ts';
export { redactSecretText } from './redact-text.ts';
export {
  deadlineOf,
  type RequestDeadline,
  type RequestDeadlineOptions,
  requestDeadline,
} from './request-deadline.ts';
export { type RequestIdOptions, requestId } from './request-id.ts';
export { defaultSecurityHeaders, securityHeaders } from './security-headers.ts';
export { type SerializedError, serializeError } from './serialize-error.ts';
export type { ServiceEnv } from './service-env.ts';
export { type RunningService, type StartServiceOptions, startService } from './start-service.ts';
export { type StoredTextOptions, storedText } from './stored-text.ts';
export { type LogTraceFields, logTraceFields } from './tracing/log-trace-fields.ts';
export { type StartTracingOptions, startTracing } from './tracing/start-tracing.ts';
export {
  requestIdAttribute,
  type TraceRequestsOptions,
  traceRequests,
} from './tracing/trace-requests.ts';
export { flushTraces, isTracingOn } from './tracing/tracing-state.ts';
export { decodeBodyAsUtf8 } from './utf8-body.ts';
export { createRouter, validationHook } from './validation.ts';
