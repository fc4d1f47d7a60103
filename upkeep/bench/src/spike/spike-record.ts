/** Everything one spike run observed, as plain data: the checks and the figures read only this. */

/** The load's steps, in order. */
export type PhaseName = 'base' | 'spike' | 'after';

/** One step of the load: a constant rate between two instants of the run. */
export interface Phase {
  readonly name: PhaseName;
  readonly ratePerSecond: number;
  /** Milliseconds since the run's start. */
  readonly startMs: number;
  readonly endMs: number;
}

/** How a request ended, as the client saw it. */
export type Outcome =
  | {
      readonly kind: 'answer';
      readonly status: number;
      /** The answer was `application/problem+json`. */
      readonly problem: boolean;
    }
  /** No answer within the client's timeout: the request hung. */
  | { readonly kind: 'timeout' }
  /** The connection failed (refused, reset): a dead or overwhelmed process. */
  | { readonly kind: 'error'; readonly message: string };

/** One request of the load generator. */
export interface RequestSample {
  readonly phase: PhaseName;
  /** When it was sent, in milliseconds since the run's start. */
  readonly startMs: number;
  /** How late it was sent against the schedule: the generator's own lag. */
  readonly lagMs: number;
  /** From sending to the answer's last byte (or to the timeout or error). */
  readonly latencyMs: number;
  readonly outcome: Outcome;
}

/** One `/livez` poll of one service: its status, or why there was none. */
export interface LivezSample {
  readonly service: string;
  readonly atMs: number;
  readonly status: number | 'timeout' | 'error';
}

/** One scrape of the callee's requests in flight; `undefined` when its metrics lack the gauge. */
export interface GaugeSample {
  readonly atMs: number;
  readonly value: number | undefined;
}

/** A service process that ended while the run was going on. */
export interface ProcessExit {
  readonly service: string;
  readonly atMs: number;
  readonly code: number | null;
  readonly signal: string | null;
}

/** One run: the plan it followed and what happened. */
export interface SpikeRecord {
  readonly phases: readonly Phase[];
  readonly requests: readonly RequestSample[];
  readonly livez: readonly LivezSample[];
  readonly calleeInFlight: readonly GaugeSample[];
  readonly exits: readonly ProcessExit[];
}

/**
 * A success is any 2xx answer.
 * @example isSuccess({ kind: 'answer', status: 201, problem: false }) // true
 */
export function isSuccess(outcome: Outcome): boolean {
  return outcome.kind === 'answer' && outcome.status >= 200 && outcome.status < 300;
}
