import autocannon from 'autocannon';

/** What one load run measured. */
export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p99LatencyMs: number;
  /** Non-2xx answers plus connection errors and timeouts: should be 0. */
  readonly failures: number;
}

/** Options for {@link runLoad}. */
export interface LoadOptions {
  readonly url: string;
  readonly durationSeconds: number;
  /** Concurrent keep-alive connections. Default: 10. */
  readonly connections?: number;
}

/**
 * Loads one URL with autocannon over keep-alive connections for a fixed duration.
 * @example const { requestsPerSecond } = await runLoad({ url: `${server.url}/livez`, durationSeconds: 5 });
 */
export async function runLoad({
  url,
  durationSeconds,
  connections = 10,
}: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({ url, connections, duration: durationSeconds });
  return {
    requestsPerSecond: result.requests.average,
    p99LatencyMs: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
