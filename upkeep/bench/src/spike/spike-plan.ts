/**
 * The spike scenario: how hard, how long, and what "survived" means. The test and the bench
 * figure run this one plan, so the figures printed are the ones the test asserts on.
 *
 * Orders' capacity is set by latency, not by the machine: every reply of its database comes
 * through a proxy that holds it for `databaseLatencyMs`, so a request keeps its connection for
 * a fixed time (4 round trips for a POST, 2 for a GET: 150 ms on average). With at most
 * `ordersMaxInFlight` requests admitted, orders serves at most 8 / 150 ms ≈ 53 req/s on any
 * machine: the base rate (5 req/s) is a tenth of it, the spike (40 ×, 200 req/s) four times it.
 * A slower machine only lowers the capacity. The rates stay low so that the processes' own CPU
 * (gateway at 200 req/s, the generator) is never the limit on a loaded 2-core machine: there,
 * 800 req/s saturated gateway's event loop whatever orders did.
 */
export const spikePlan = {
  /** Requests per second before and after the spike. */
  baseRatePerSecond: 5,
  /** The spike's rate is this many times the base rate. */
  spikeFactor: 40,
  /** Base load before the step up: warms the pools and shows the base rate is served. */
  baseMs: 5_000,
  spikeMs: 10_000,
  /** Base load after the step down: longer than the recovery bound, so a slow recovery shows. */
  afterMs: 15_000,
  /** Far above any deadline of the gateway: a request that reaches it hung. */
  clientTimeoutMs: 10_000,
  /** How long the database proxy holds each reply of PostgreSQL. */
  databaseLatencyMs: 50,
  /** Orders' own bound on requests in flight (`SHED_MAX_IN_FLIGHT`) with protections on. */
  ordersMaxInFlight: 8,
  /** How often `/livez` of each service is asked, as a kubelet would (more often). */
  livezEveryMs: 250,
  /** A `/livez` poll not answered by then counts as failed (a kubelet's default is 1 s). */
  livezTimeoutMs: 2_000,
  /** How often orders' metrics are scraped for the requests it has in flight. */
  scrapeEveryMs: 100,
} as const;

/** What "degraded gracefully" means, in numbers the checks compare against. */
export const spikeBounds = {
  /**
   * p99 latency of the failed answers: well under the call's deadline (3 s), so no failure
   * waited for it. Not lower: a GET that orders shed is retried after its `Retry-After` (1 s),
   * as the client should, and may then fail again, just over a second after it left.
   */
  failureP99Ms: 2_000,
  /** From the step down until every request succeeds again. */
  recoveryMs: 10_000,
  /** Requests orders may work on at once: its shedding bound. */
  calleeMaxInFlight: spikePlan.ordersMaxInFlight,
} as const;

/** The bounds {@link spikeChecks} applies; tests pass their own to show each check can fail. */
export type SpikeBounds = { readonly [Key in keyof typeof spikeBounds]: number };
