import { serverPaths } from '@slipway/config';

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

/** The path of the readiness probe every service serves (`@slipway/config`'s `serverPaths`). */
export const readinessPath = serverPaths.readiness;

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
    try {
      const response = await fetch(url, {
        signal: AbortSignal.any([stop, AbortSignal.timeout(2_000)]),
      });
      await response.body?.cancel();
      if (response.status === 200) return true;
    } catch {
      // Not listening yet, or too slow to answer: try again.
    }
    await pause(intervalMs, stop);
  }
  return false;
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
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
