export { createRoute, z } from '@hono/zod-openapi';
export { HTTPException } from 'hono/http-exception';
export { type AccessLogOptions, accessLog } from './access-log.js';
export { addApiReference, apiReferenceAssetPaths } from './api-reference.js';
export { limitBody } from './body-limit.js';
export {
  createServiceApp,
  type Service,
  type ServiceAppOptions,
} from './create-service-app.js';
export { type DatabaseFailure, findDatabaseFailure } from './database-error.js';
export { handleError } from './error-handler.js';
export {
  type ExitCode,
  type GracefulShutdown,
  type GracefulShutdownOptions,
  gracefulShutdown,
  type ShutdownHook,
} from './graceful-shutdown.js';
export { addHealthRoutes, probePaths } from './health-routes.js';
export { createLogger, type LoggerOptions } from './logger.js';
export { type HttpMetrics, type HttpMetricsOptions, httpMetrics } from './metrics.js';
export { handleNotFound } from './not-found.js';
export { type ServiceOptionsFromConfig, serviceOptionsFromConfig } from './options-from-config.js';
export {
  type FieldError,
  fieldErrorSchema,
  type Problem,
  type ProblemInit,
  problem,
  problemContent,
  problemContentType,
  problemSchema,
} from './problem.js';
export { redactSecrets } from './redact-secrets.js';
export { redactSecretText } from './redact-text.js';
export { type RequestIdOptions, requestId } from './request-id.js';
export { defaultSecurityHeaders, securityHeaders } from './security-headers.js';
export { type SerializedError, serializeError } from './serialize-error.js';
export type { ServiceEnv } from './service-env.js';
export { type RunningService, type StartServiceOptions, startService } from './start-service.js';
export { type StoredTextOptions, storedText } from './stored-text.js';
export { decodeBodyAsUtf8 } from './utf8-body.js';
export { createRouter, validationHook } from './validation.js';
