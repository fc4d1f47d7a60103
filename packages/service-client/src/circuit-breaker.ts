import type { CallPolicy } from '@slipway/platform-contract';
import { SlidingCounts } from './sliding-counts.ts';

/** Where a breaker is: letting calls through, failing them fast, or trying one. */
export type BreakerState = 'closed' | 'open' | 'half-open';

/** A call the breaker let through; hand it back with its outcome. */
export interface BreakerPermit {
  readonly trial: boolean;
}

/** How a call went, for the breaker: a failure is a connect error, a timeout or a 5xx. */
export type CallOutcome = 'success' | 'failure' | 'not-counted';

/**
 * A circuit breaker for one callee. Closed, it counts calls over `windowMs` and opens when at
 * least `minimumCalls` were made and `failurePercent` of them failed. Open, it fails calls fast
 * for `openMs`, then half-opens: one trial call goes through, and closes it on success or opens
 * it again on failure. `failurePercent` 0 turns it off.
 * @example const permit = breaker.tryPass(); if (!permit) throw circuitOpen; breaker.record(permit, 'success');
 */
export class CircuitBreaker {
  #state: BreakerState = 'closed';
  #openedAt = 0;
  #trialInFlight = false;
  readonly #counts: SlidingCounts<'call' | 'failure'>;
  private readonly breaker: CallPolicy['breaker'];
  private readonly now: () => number;

  constructor(breaker: CallPolicy['breaker'], now: () => number) {
    this.breaker = breaker;
    this.now = now;
    this.#counts = new SlidingCounts(breaker.windowMs, now);
  }

  /** Its state now; an open breaker whose `openMs` have passed reads half-open. */
  get state(): BreakerState {
    if (this.#state === 'open' && this.now() - this.#openedAt >= this.breaker.openMs)
      return 'half-open';
    return this.#state;
  }

  /** Lets a call through, or undefined when it must fail fast. */
  tryPass(): BreakerPermit | undefined {
    if (this.breaker.failurePercent === 0) return { trial: false };
    const state = this.state;
    if (state === 'closed') return { trial: false };
    if (state === 'open' || this.#trialInFlight) return undefined;
    this.#state = 'half-open';
    this.#trialInFlight = true;
    return { trial: true };
  }

  /** Records how a call it let through went. */
  record(permit: BreakerPermit, outcome: CallOutcome): void {
    if (this.breaker.failurePercent === 0) return;
    if (permit.trial) {
      this.#trialInFlight = false;
      if (outcome === 'failure') this.#open();
      else if (outcome === 'success') {
        this.#state = 'closed';
        this.#counts.clear();
      }
      return;
    }
    // A call let through before the breaker opened tells nothing about the callee now.
    if (this.#state !== 'closed' || outcome === 'not-counted') return;
    this.#counts.add('call');
    if (outcome === 'failure') this.#counts.add('failure');
    const calls = this.#counts.total('call');
    const failures = this.#counts.total('failure');
    if (calls >= this.breaker.minimumCalls && failures * 100 >= this.breaker.failurePercent * calls)
      this.#open();
  }

  #open(): void {
    this.#state = 'open';
    this.#openedAt = this.now();
    this.#counts.clear();
  }
}
