/**
 * One check a probe runs. `dependency: true` marks checks of downstream services: they belong to
 * readiness, never to liveness, so an outage elsewhere cannot make Kubernetes restart every pod.
 *
 * @example
 * const disk: HealthCheck = { name: 'disk', check: async () => assertDiskWritable() };
 */
export interface HealthCheck {
  readonly name: string;
  /** Per-check timeout; falls back to `HealthOptions.defaultTimeoutMs` (2000). */
  readonly timeoutMs?: number;
  /** True for checks of downstream services (databases, other services); never allowed in liveness. */
  readonly dependency?: boolean;
  /** Resolves to pass, rejects to fail (the error message is reported). The signal aborts on timeout. */
  check(signal: AbortSignal): Promise<void>;
}

/**
 * The three probes Kubernetes knows.
 *
 * @example
 * const probe: ProbeKind = 'readiness';
 */
export type ProbeKind = 'liveness' | 'readiness' | 'startup';

/**
 * The outcome of one check, as reported in a probe's JSON body.
 *
 * @example
 * const result: CheckResult = { name: 'postgres', status: 'fail', durationMs: 2001, error: 'timed out after 2000ms' };
 */
export interface CheckResult {
  readonly name: string;
  readonly status: 'pass' | 'fail';
  readonly durationMs: number;
  /** Why the check failed; never contains credentials. */
  readonly error?: string;
}

/**
 * The outcome of one probe: every check's result, and why the probe failed.
 *
 * @example
 * const report: ProbeReport = { probe: 'readiness', status: 'fail', reason: 'shutting-down', checks: [] };
 */
export interface ProbeReport {
  readonly probe: ProbeKind;
  readonly status: 'pass' | 'fail';
  readonly reason?: 'shutting-down' | 'starting' | 'check-failed';
  readonly checks: readonly CheckResult[];
}
