/** Options of {@link waitForReady}. */
export interface WaitForReadyOptions {
  /** The readiness endpoint, e.g. `http://127.0.0.1:3001/readyz`. */
  readonly url: string;
  /** Give up when this aborts (the service exited, the user pressed Ctrl-C). */
  readonly signal?: AbortSignal;
  /** Give up after this long; defaults to never. */
  readonly timeoutMs?: number;
  /** Pause between two tries; defaults to 200. */
  readonly intervalMs?: number;
}

/**
 * What one readiness request found: `ready` (200), `starting` (something listens but answered
 * another status, or too slowly) or `down` (nothing listens: the connection failed).
 */
export type ReadinessState = 'ready' | 'starting' | 'down';

/**
 * Asks `url` once whether the service is ready.
 * @example await probeReadiness('http://127.0.0.1:3001/readyz'); // 'down' when nothing runs
 */
export async function probeReadiness(url: string, signal?: AbortSignal): Promise<ReadinessState> {
  const timeout = AbortSignal.timeout(2_000);
  try {
    const response = await fetch(url, {
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    await response.body?.cancel();
    return response.status === 200 ? 'ready' : 'starting';
  } catch {
    // A timeout means a process accepted the connection: it runs, busy starting.
    return timeout.aborted ? 'starting' : 'down';
  }
}

/**
 * Polls `url` until it answers 200; resolves with true then, or false when `signal` aborts or
 * `timeoutMs` runs out first. A refused connection or another status just means "not yet".
 * @example const ready = await waitForReady({ url: 'http://127.0.0.1:3001/readyz', timeoutMs: 60_000 });
 */
export async function waitForReady({
  url,
  signal,
  timeoutMs,
  intervalMs = 200,
}: WaitForReadyOptions): Promise<boolean> {
  const signals = [signal, timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs)];
  const stop = AbortSignal.any(signals.filter((s): s is AbortSignal => s !== undefined));
  while (!stop.aborted) {
    if ((await probeReadiness(url, stop)) === 'ready') return true;
    await pause(intervalMs, stop);
  }
  return false;
}

/**
 * Resolves after `ms`, or at once when `signal` aborts.
 * @example await pause(200, signal);
 */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
