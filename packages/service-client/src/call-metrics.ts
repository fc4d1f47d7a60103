import { Counter, Gauge, type Registry } from 'prom-client';
import type { BreakerState } from './circuit-breaker.ts';

/** Why a call failed without reaching the callee. */
export type FastFailureReason = 'circuit_open' | 'concurrency_limit' | 'deadline_exceeded';
/** Why a retryable failure was not retried. */
type SkippedRetryReason = 'budget' | 'deadline';

/** What a client reports about its calls to one callee. */
export interface CallMetrics {
  retried(): void;
  retrySkipped(reason: SkippedRetryReason): void;
  failedFast(reason: FastFailureReason): void;
}

/** Where the gauges read a client's state when scraped. */
export interface CallStateSources {
  readonly breakerState: () => BreakerState;
  readonly inFlight: () => number;
}

const breakerStateValue: Record<BreakerState, number> = { closed: 0, 'half-open': 1, open: 2 };

interface SharedMetrics {
  readonly retries: Counter<'service'>;
  readonly skipped: Counter<'service' | 'reason'>;
  readonly fastFailures: Counter<'service' | 'reason'>;
  readonly sources: Map<string, CallStateSources>;
}

// One set per registry: every client of a service registers its callee in the same metrics.
const registered = new WeakMap<Registry, SharedMetrics>();

function sharedMetrics(registry: Registry): SharedMetrics {
  const existing = registered.get(registry);
  if (existing) return existing;
  const sources = new Map<string, CallStateSources>();
  const registers = [registry];
  const shared: SharedMetrics = {
    sources,
    retries: new Counter({
      name: 'service_client_retries_total',
      help: 'Retries sent to a called service, by service.',
      labelNames: ['service'],
      registers,
    }),
    skipped: new Counter({
      name: 'service_client_retries_skipped_total',
      help: 'Retryable failures not retried, by service and reason (budget, deadline).',
      labelNames: ['service', 'reason'],
      registers,
    }),
    fastFailures: new Counter({
      name: 'service_client_fast_failures_total',
      help: 'Calls failed without reaching the called service, by service and reason.',
      labelNames: ['service', 'reason'],
      registers,
    }),
  };
  new Gauge({
    name: 'service_client_breaker_state',
    help: 'Circuit breaker of a called service: 0 closed, 1 half-open, 2 open.',
    labelNames: ['service'],
    registers,
    collect() {
      for (const [service, source] of sources)
        this.set({ service }, breakerStateValue[source.breakerState()]);
    },
  });
  new Gauge({
    name: 'service_client_calls_in_flight',
    help: 'Calls in flight to a called service, by service.',
    labelNames: ['service'],
    registers,
    collect() {
      for (const [service, source] of sources) this.set({ service }, source.inFlight());
    },
  });
  registered.set(registry, shared);
  return shared;
}

const unrecorded: CallMetrics = { retried() {}, retrySkipped() {}, failedFast() {} };

/**
 * The metrics of a client's calls to `service`, in `registry` (the service kit's, `Service.metrics`):
 * retries, retries skipped, fast failures by reason, and gauges of the breaker's state and the
 * calls in flight. Without a registry nothing is recorded.
 * @example const metrics = callMetrics('orders', service.metrics, { breakerState, inFlight });
 */
export function callMetrics(
  service: string,
  registry: Registry | undefined,
  sources: CallStateSources,
): CallMetrics {
  if (!registry) return unrecorded;
  const shared = sharedMetrics(registry);
  shared.sources.set(service, sources);
  return {
    retried: () => shared.retries.inc({ service }),
    retrySkipped: (reason) => shared.skipped.inc({ service, reason }),
    failedFast: (reason) => shared.fastFailures.inc({ service, reason }),
  };
}
