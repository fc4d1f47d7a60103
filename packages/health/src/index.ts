export { Health, type HealthOptions } from './health.js';
export type { CheckResult, HealthCheck, ProbeKind, ProbeReport } from './health-check.js';
export { type HttpCheckOptions, httpCheck } from './http-check.js';
export { type PostgresCheckOptions, postgresCheck } from './postgres-check.js';
export { probeStatusCode } from './probe-status-code.js';
export { redactCredentials } from './redact-credentials.js';
export { type RedisCheckOptions, redisCheck } from './redis-check.js';
export { type TcpCheckOptions, tcpCheck } from './tcp-check.js';
