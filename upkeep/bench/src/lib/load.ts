import { createHistogram } from 'node:perf_hooks';
import autocannon from 'autocannon';

/** What one load run measured. */
export interface LoadResult {
  readonly requestsPerSecond: number;
  /** Answers received, whatever their status. */
  readonly requests: number;
  /** From every answer's own timing, in microseconds: autocannon rounds to whole milliseconds. */
  readonly p99LatencyMs: number;
  /** Non-2xx answers plus connection errors and timeouts: should be 0. */
  readonly failures: number;
}

/** The request a load run repeats. */
export interface LoadRequest {
  /** Default: `GET`. */
  readonly method?: 'GET' | 'POST';
  /** Sent as is, e.g. a JSON text. */
  readonly body?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Options for {@link runLoad}. */
export interface LoadOptions extends LoadRequest {
  readonly url: string;
  readonly durationSeconds: number;
  /** Concurrent keep-alive connections. Default: 10. */
  readonly connections?: number;
}

/**
 * Loads one URL with autocannon over keep-alive connections for a fixed duration.
 * @example const { requestsPerSecond } = await runLoad({ url: `${server.url}/livez`, durationSeconds: 5 });
 * @example await runLoad({ url, durationSeconds: 5, method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json' } });
 */
export function runLoad({
  url,
  durationSeconds,
  connections = 10,
  method = 'GET',
  body,
  headers = {},
}: LoadOptions): Promise<LoadResult> {
  const latencyMicros = createHistogram();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: durationSeconds,
        method,
        headers: { ...headers },
        ...(body === undefined ? {} : { body }),
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          requestsPerSecond: result.requests.average,
          requests: result.requests.total,
          p99LatencyMs: latencyMicros.count === 0 ? 0 : latencyMicros.percentile(99) / 1000,
          failures: result.non2xx + result.errors + result.timeouts,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTimeMs) => {
      latencyMicros.record(Math.max(1, Math.round(responseTimeMs * 1000)));
    });
  });
}
