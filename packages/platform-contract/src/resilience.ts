/**
 * How the platform keeps a traffic spike from cascading: the service kit sheds load when its
 * process is saturated, the service client bounds and budgets its calls, the gateway guards each
 * route and the autoscaler reacts fast. The kit, the client, the manifest schema, infra and the
 * spike test all read these defaults; docs/surviving-a-spike.md explains each number.
 */

/**
 * When the service kit answers new requests with a fast 503 (`Retry-After`) instead of queueing
 * them: the event loop's delay or the requests in flight are over a bound. `/livez` always
 * answers; `/readyz` reports the pressure so the gateway sends traffic elsewhere.
 * @example loadSheddingDefaults.maxInFlight // 256
 */
export const loadSheddingDefaults = {
  /**
   * Event-loop delay (ms, the p99 of the last second's samples) above which the process is
   * saturated; 0 turns the check off.
   */
  maxEventLoopDelayMs: 100,
  /** Requests in flight above which new ones are shed; 0 turns the bound off. */
  maxInFlight: 256,
  /** The `Retry-After` (seconds) of a shed request. */
  retryAfterSeconds: 1,
} as const;

/**
 * The variables that override {@link loadSheddingDefaults}: the config package's base schema reads
 * them, a manifest's `config` sets them per service and environment (docs/load-shedding.md).
 */
export const loadSheddingVariables = {
  maxEventLoopDelayMs: 'SHED_EVENT_LOOP_DELAY_MS',
  maxInFlight: 'SHED_MAX_IN_FLIGHT',
} as const;

/**
 * How one service calls another when its manifest's `calls` entry says nothing else: the
 * deadline, retries of idempotent requests within a budget, jittered backoff, a bound on
 * concurrent calls and a circuit breaker that fails fast while the callee is failing.
 * @example callPolicyDefaults.retry.attempts // 2
 */
export const callPolicyDefaults = {
  /** The call's deadline (ms), body included; never longer than what the caller has left. */
  timeoutMs: 3_000,
  /** Calls in flight to the callee from one process beyond which new ones fail fast (503). */
  maxConcurrent: 128,
  retry: {
    /** Retries after the first attempt, for idempotent methods only. */
    attempts: 2,
    /** Retries may add at most this percent to the calls of the last 10 s… */
    budgetPercent: 10,
    /** …but at least this many per second, so a quiet caller can still retry. */
    minPerSecond: 5,
    /** Full-jitter exponential backoff: a random wait in [0, min(maxMs, baseMs·2^n)). */
    backoffBaseMs: 25,
    backoffMaxMs: 500,
  },
  breaker: {
    /** The breaker opens when at least this percent of the window's calls failed… */
    failurePercent: 50,
    /** …and the window holds at least this many calls. */
    minimumCalls: 20,
    windowMs: 10_000,
    /** How long it stays open (failing fast) before one trial call. */
    openMs: 5_000,
  },
} as const;

/**
 * A resolved call policy: {@link callPolicyDefaults} with a manifest's `calls` entry over it.
 * `maxConcurrent: 0` means unbounded, `retry.attempts: 0` no retries, `breaker.failurePercent: 0`
 * no breaker.
 */
export interface CallPolicy {
  readonly timeoutMs: number;
  readonly maxConcurrent: number;
  readonly retry: {
    readonly attempts: number;
    readonly budgetPercent: number;
    readonly minPerSecond: number;
    readonly backoffBaseMs: number;
    readonly backoffMaxMs: number;
  };
  readonly breaker: {
    readonly failurePercent: number;
    readonly minimumCalls: number;
    readonly windowMs: number;
    readonly openMs: number;
  };
}

/** What a manifest's `calls` entry (or a `<CALLEE>_CALL_POLICY` override) may change. */
export interface CallPolicyOverrides {
  readonly timeoutMs?: number | undefined;
  readonly maxConcurrent?: number | undefined;
  readonly retry?: Partial<CallPolicy['retry']> | undefined;
  readonly breaker?: Partial<CallPolicy['breaker']> | undefined;
}

/**
 * {@link callPolicyDefaults} with `overrides` over them, field by field.
 * @example resolveCallPolicy({ retry: { attempts: 0 } }).retry.budgetPercent // 10
 */
export function resolveCallPolicy(overrides: CallPolicyOverrides = {}): CallPolicy {
  const defaults = callPolicyDefaults;
  return {
    timeoutMs: overrides.timeoutMs ?? defaults.timeoutMs,
    maxConcurrent: overrides.maxConcurrent ?? defaults.maxConcurrent,
    retry: { ...defaults.retry, ...withoutUndefined(overrides.retry) },
    breaker: { ...defaults.breaker, ...withoutUndefined(overrides.breaker) },
  };
}

function withoutUndefined<T extends object>(fields: T | undefined): Partial<T> {
  if (fields === undefined) return {};
  return Object.fromEntries(
    Object.entries(fields).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}

/**
 * The variable that carries the resolved call policy of one callee (JSON), beside its
 * `<NAME>_URL`: `orders` → `ORDERS_CALL_POLICY`.
 * @example callPolicyVariable('user-profile') // 'USER_PROFILE_CALL_POLICY'
 */
export function callPolicyVariable(serviceName: string): string {
  return `${serviceName.toUpperCase().replaceAll('-', '_')}_CALL_POLICY`;
}

/**
 * The gateway's guard of each public route (Envoy Gateway traffic policies) when the manifest's
 * `traffic` says nothing else.
 * @example gatewayTrafficDefaults.rateLimit.requestsPerSecond // 100
 */
export const gatewayTrafficDefaults = {
  /** The whole exchange with the service; capped by the manifest's `shutdown.maxRequestSeconds`. */
  requestTimeoutSeconds: 15,
  /** Idle connections, both sides of the proxy: below the kit's keep-alive (`KEEP_ALIVE_TIMEOUT_MS`). */
  idleTimeoutSeconds: 60,
  /** The time a client has to send its request headers: a slow-loris guard on the listener. */
  requestHeadersTimeoutSeconds: 10,
  /** Retries on connect failure or reset, idempotent methods only. */
  retries: 2,
  circuitBreaker: { maxConnections: 1_024, maxPendingRequests: 1_024, maxParallelRequests: 1_024 },
  /** Per client IP. */
  rateLimit: { requestsPerSecond: 100 },
  /** `Strict-Transport-Security` max-age on the listener. */
  hstsMaxAgeSeconds: 31_536_000,
  tlsMinimumVersion: '1.2',
} as const;

/**
 * The HorizontalPodAutoscaler's `behavior`: scale up at once and steeply (double, or +4 pods,
 * every 15 s), scale down slowly (10 % a minute after 5 minutes of lower load).
 */
export const autoscalingBehaviorDefaults = {
  scaleUp: {
    stabilizationWindowSeconds: 0,
    selectPolicy: 'Max',
    policies: [
      { type: 'Percent', value: 100, periodSeconds: 15 },
      { type: 'Pods', value: 4, periodSeconds: 15 },
    ],
  },
  scaleDown: {
    stabilizationWindowSeconds: 300,
    selectPolicy: 'Max',
    policies: [{ type: 'Percent', value: 10, periodSeconds: 60 }],
  },
} as const;
