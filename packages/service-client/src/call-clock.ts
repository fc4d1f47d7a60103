/**
 * The clock and dice a client's protections use: real ones by default, fakes in tests so that
 * backoff, breaker and budget can be checked without waiting.
 */
export interface CallClock {
  /** A monotonic time in ms; defaults to `performance.now`. */
  readonly now: () => number;
  /** A number in [0, 1) for the backoff's jitter; defaults to `Math.random`. */
  readonly random: () => number;
  /** Waits `ms` before a retry; defaults to a timer. */
  readonly sleep: (ms: number) => Promise<void>;
}

/** The real clock: `performance.now`, `Math.random` and a timer. */
export const realClock: CallClock = {
  now: () => performance.now(),
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
