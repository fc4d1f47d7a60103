export { errorCode } from './describe-error.ts';
export { Health, type HealthOptions } from './health.ts';
export type { CheckResult, HealthCheck, ProbeKind, ProbeReport } from './health-check.ts';
export { type HttpCheckOptions, httpCheck } from './http-check.ts';
export { type PostgresCheckOptions, postgresCheck } from './postgres-check.ts';
export { probeStatusCode } from './probe-status-code.ts';
export { redactCredentials } from './redact-credentials.ts';
export { type RedisCheckOptions, redisCheck } from './redis-check.ts';
export { type TcpCheckOptions, tcpCheck } from './tcp-check.ts';
