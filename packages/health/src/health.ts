import type { CheckResult, HealthCheck, ProbeKind, ProbeReport } from './health-check.ts';
import { runCheck } from './run-check.ts';

/**
 * The checks of each probe and their default timeout.
 *
 * @example
 * const options: HealthOptions = { readiness: [postgresCheck({ connectionString })], defaultTimeoutMs: 1000 };
 */
export interface HealthOptions {
  /** Checks of the process itself; never checks of downstream services. */
  readonly liveness?: readonly HealthCheck[];
  /** Checks that decide whether the pod receives traffic, dependencies included. */
  readonly readiness?: readonly HealthCheck[];
  /** Checks that run once the service called `markStarted()`. */
  readonly startup?: readonly HealthCheck[];
  /** Timeout of checks that set none; defaults to 2000 ms. */
  readonly defaultTimeoutMs?: number;
}

const probeKinds: readonly ProbeKind[] = ['liveness', 'readiness', 'startup'];

/**
 * Liveness, readiness and startup probes as Kubernetes expects them: checks run in parallel, each
 * with its own timeout; readiness fails once the service shuts down; startup fails until started.
 *
 * @example
 * const health = new Health({ readiness: [httpCheck({ name: 'orders', url: 'http://orders/livez' })] });
 * health.markStarted();
 * const report = await health.run('readiness'); // { probe: 'readiness', status: 'pass', checks: [...] }
 */
export class Health {
  readonly #checks: Readonly<Record<ProbeKind, readonly HealthCheck[]>>;
  readonly #defaultTimeoutMs: number;
  #started = false;
  #shuttingDown = false;

  /** Throws if a `dependency: true` check is given for liveness, or a name or timeout is invalid. */
  constructor(options: HealthOptions = {}) {
    const { defaultTimeoutMs = 2000 } = options;
    assertTimeout(defaultTimeoutMs, 'defaultTimeoutMs');
    this.#defaultTimeoutMs = defaultTimeoutMs;
    this.#checks = {
      liveness: [...(options.liveness ?? [])],
      readiness: [...(options.readiness ?? [])],
      startup: [...(options.startup ?? [])],
    };
    for (const probe of probeKinds) assertChecks(probe, this.#checks[probe]);
  }

  /** Runs every check of the probe in parallel and reports the outcome; never rejects. */
  async run(probe: ProbeKind): Promise<ProbeReport> {
    if (probe === 'readiness' && this.#shuttingDown) {
      return { probe, status: 'fail', reason: 'shutting-down', checks: [] };
    }
    if (probe === 'startup' && !this.#started) {
      return { probe, status: 'fail', reason: 'starting', checks: [] };
    }
    const checks: CheckResult[] = await Promise.all(
      this.#checks[probe].map((check) => runCheck(check, this.#defaultTimeoutMs)),
    );
    return checks.every((result) => result.status === 'pass')
      ? { probe, status: 'pass', checks }
      : { probe, status: 'fail', reason: 'check-failed', checks };
  }

  /** Ends the 'starting' phase: from now on the startup probe runs its checks. */
  markStarted(): void {
    this.#started = true;
  }

  /** From now on readiness fails with 'shutting-down', so Kubernetes stops routing traffic here. */
  markShuttingDown(): void {
    this.#shuttingDown = true;
  }

  get isStarted(): boolean {
    return this.#started;
  }

  get isShuttingDown(): boolean {
    return this.#shuttingDown;
  }
}

function assertChecks(probe: ProbeKind, checks: readonly HealthCheck[]): void {
  const seen = new Set<string>();
  for (const check of checks) {
    if (typeof check.name !== 'string' || check.name.trim() === '') {
      throw new Error(`Every ${probe} check needs a non-empty name.`);
    }
    if (seen.has(check.name)) {
      throw new Error(
        `Two ${probe} checks are named '${check.name}'; names must be unique per probe.`,
      );
    }
    seen.add(check.name);
    if (check.timeoutMs !== undefined)
      assertTimeout(check.timeoutMs, `${probe} check '${check.name}'`);
    if (probe === 'liveness' && check.dependency === true) {
      throw new Error(
        `Liveness check '${check.name}' checks a dependency. Liveness must never depend on downstream ` +
          'services: when one is down, Kubernetes would restart every pod at once (a restart storm). ' +
          'Add it to readiness instead.',
      );
    }
  }
}

function assertTimeout(timeoutMs: number, what: string): void {
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new Error(
      `${what}: timeoutMs must be a positive number of milliseconds, got ${timeoutMs}.`,
    );
  }
}
