import { type Histogram, monitorEventLoopDelay } from 'node:perf_hooks';

/** A reading of the event loop's delay that costs nothing to read. */
export interface EventLoopDelaySampler {
  /** The delay (ms) of the last window: its p99, or how late the window itself closed. */
  read(): number;
  /** Stops sampling (the timers are `unref`'d, so a forgotten sampler never holds the process). */
  stop(): void;
}

/** Options of {@link sampleEventLoopDelay}. */
export interface EventLoopDelaySamplerOptions {
  /** The length of a window (ms): the reading is refreshed once per window. Defaults to 1000. */
  readonly windowMs?: number;
  /** How often the loop is probed (ms), as `monitorEventLoopDelay` takes it. Defaults to 10. */
  readonly resolutionMs?: number;
}

/**
 * Samples the event loop's delay with `monitorEventLoopDelay` and keeps one number: the p99 of
 * the last window, without the probe's own resolution, so an idle loop reads about 0. A request
 * compares that number with its bound instead of measuring anything. A lone stall among a
 * window's hundred samples (a GC pause) stays under the p99; repeated or sustained delay, the
 * mark of a saturated process, does not, and neither does a loop blocked for most of the window
 * (few samples: the p99 is their largest).
 *
 * @example
 * const delay = sampleEventLoopDelay();
 * if (delay.read() > 100) shed();
 */
export function sampleEventLoopDelay({
  windowMs = 1_000,
  resolutionMs = 10,
}: EventLoopDelaySamplerOptions = {}): EventLoopDelaySampler {
  const histogram = monitorEventLoopDelay({ resolution: resolutionMs });
  histogram.enable();
  let reading = 0;
  let windowStart = performance.now();
  const timer = setInterval(function refreshEventLoopDelay() {
    const now = performance.now();
    reading = windowDelayMs(histogram, now - windowStart - windowMs, resolutionMs);
    histogram.reset();
    windowStart = now;
  }, windowMs);
  timer.unref();
  return {
    read: () => reading,
    stop() {
      clearInterval(timer);
      histogram.disable();
    },
  };
}

/**
 * The delay (ms) one window of samples stands for: their p99, less the probe's resolution. The
 * refresh's own lateness counts as one more sample, since a loop blocked for the whole window
 * has no other; up to 50 samples the p99 is the largest of them.
 *
 * @example
 * windowDelayMs(histogram, 0, 10) // 0 for an idle loop
 */
export function windowDelayMs(
  samples: Pick<Histogram, 'count' | 'max' | 'percentile'>,
  latenessMs: number,
  resolutionMs: number,
): number {
  const p99 =
    samples.count < 50
      ? Math.max(samples.max / 1e6 - resolutionMs, latenessMs)
      : samples.percentile(99) / 1e6 - resolutionMs;
  return Math.max(0, Math.round(p99));
}
