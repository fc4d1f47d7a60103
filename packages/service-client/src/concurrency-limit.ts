/**
 * A bound on the calls in flight to one callee (a bulkhead): beyond it a call fails fast, so a
 * slow callee cannot pile up work, sockets and memory in its callers. `max` 0 is unbounded.
 * @example if (!limit.tryEnter()) throw overloaded; try { await call(); } finally { limit.leave(); }
 */
export class ConcurrencyLimit {
  #inFlight = 0;
  readonly #max: number;

  constructor(max: number) {
    this.#max = max;
  }

  /** The calls in flight now. */
  get inFlight(): number {
    return this.#inFlight;
  }

  /** Takes a place; false, taking none, when all are taken. */
  tryEnter(): boolean {
    if (this.#max > 0 && this.#inFlight >= this.#max) return false;
    this.#inFlight += 1;
    return true;
  }

  /** Gives back a place taken by {@link tryEnter}. */
  leave(): void {
    this.#inFlight -= 1;
  }
}
