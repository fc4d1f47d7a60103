import type { CallPolicy } from '@slipway/platform-contract';
import { SlidingCounts } from './sliding-counts.ts';

/** The window retries are budgeted over: `callPolicyDefaults.retry`'s "last 10 s". */
const budgetWindowMs = 10_000;

/**
 * How many retries a client may send to one callee: at most `budgetPercent` of its calls of the
 * last 10 s, but always `minPerSecond` per second (so a quiet caller can still retry). When a
 * callee fails every call, retries then add a tenth to its load instead of tripling it.
 * @example const budget = new RetryBudget(policy.retry, clock.now); budget.recordCall(); budget.tryRetry() // true
 */
export class RetryBudget {
  readonly #counts: SlidingCounts<'call' | 'retry'>;

  readonly #retry: CallPolicy['retry'];

  constructor(retry: CallPolicy['retry'], now: () => number) {
    this.#retry = retry;
    this.#counts = new SlidingCounts(budgetWindowMs, now);
  }

  /** Counts a call (its first attempt). */
  recordCall(): void {
    this.#counts.add('call');
  }

  /** Takes one retry from the budget; false, taking nothing, when none is left. */
  tryRetry(): boolean {
    const { budgetPercent, minPerSecond } = this.#retry;
    const byShare = (this.#counts.total('call') * budgetPercent) / 100;
    const floor = (minPerSecond * budgetWindowMs) / 1_000;
    if (this.#counts.total('retry') >= Math.max(byShare, floor)) return false;
    this.#counts.add('retry');
    return true;
  }
}
