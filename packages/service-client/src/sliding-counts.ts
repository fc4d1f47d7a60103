/** Counts of events in a sliding window, kept in ten buckets so memory stays constant. */
export class SlidingCounts<Kind extends string> {
  readonly #bucketMs: number;
  readonly #buckets: { index: number; counts: Record<string, number> }[];

  readonly #now: () => number;

  constructor(windowMs: number, now: () => number) {
    this.#now = now;
    this.#bucketMs = Math.max(1, windowMs / 10);
    this.#buckets = Array.from({ length: 10 }, () => ({ index: -1, counts: {} }));
  }

  /** Counts one `kind` event now. */
  add(kind: Kind): void {
    const index = Math.floor(this.#now() / this.#bucketMs);
    const bucket = this.#buckets[index % 10];
    if (!bucket) return;
    if (bucket.index !== index) {
      bucket.index = index;
      bucket.counts = {};
    }
    bucket.counts[kind] = (bucket.counts[kind] ?? 0) + 1;
  }

  /** The `kind` events within the window, this bucket included. */
  total(kind: Kind): number {
    const current = Math.floor(this.#now() / this.#bucketMs);
    let sum = 0;
    for (const bucket of this.#buckets)
      if (bucket.index > current - 10) sum += bucket.counts[kind] ?? 0;
    return sum;
  }

  /** Forgets every event. */
  clear(): void {
    // The counts go too: a bucket marked -1 is still inside the window while the clock is
    // under one window from its start (performance.now() starts at 0 with the process).
    for (const bucket of this.#buckets) {
      bucket.index = -1;
      bucket.counts = {};
    }
  }
}
