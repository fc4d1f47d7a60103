import type { Context, MiddlewareHandler } from 'hono';
import { requestDeadlineHeader } from '@slipway/platform-contract';
import { readRequestHeader } from './node-bindings.ts';
import { problem } from './problem.ts';

/** The deadline a caller gave a request: the time it stops waiting for the answer. */
export interface RequestDeadline {
  /** When the caller stops waiting, on the clock of {@link RequestDeadlineOptions.now}. */
  readonly expiresAt: number;
  /** Milliseconds left, 0 once it has passed. */
  remainingMs(): number;
  /** Aborts when the deadline passes: hand it to work that can stop early (queries, fetches). */
  readonly signal: AbortSignal;
}

/** Options of {@link requestDeadline}. */
export interface RequestDeadlineOptions {
  /** A monotonic clock in ms; defaults to `performance.now`. Tests pass a fake one. */
  readonly now?: () => number;
}

const variable = 'requestDeadline';
// Whole milliseconds, no sign: anything else is ignored as if the caller had sent none.
const wellFormed = /^\d{1,10}$/;

/**
 * Reads the remaining deadline a caller sent (`x-request-deadline-ms`, relative milliseconds,
 * so the hosts' clocks need not agree) and keeps it for the request: `deadlineOf(c)` gives it
 * to handlers, and `forwardRequestId(c)` of the service client passes what is left on to the
 * next call. A request that arrives with no time left is answered 504 at once, doing no work
 * its caller has stopped waiting for. Without the header a request has no deadline of its own.
 *
 * @example
 * app.use(requestDeadline());
 * app.get('/slow', (c) => c.json({ leftMs: deadlineOf(c)?.remainingMs() }));
 */
export function requestDeadline({
  now = () => performance.now(),
}: RequestDeadlineOptions = {}): MiddlewareHandler {
  // Not async: most requests carry no deadline and pass straight on, without a promise of ours.
  return function requestDeadlineMiddleware(c, next) {
    const header = readRequestHeader(c, requestDeadlineHeader);
    if (header === undefined || !wellFormed.test(header)) return next();
    const remaining = Number(header);
    if (remaining === 0) {
      const detail = 'The caller had stopped waiting before the request arrived.';
      return Promise.resolve(problem(c, 504, { detail }));
    }
    c.set(variable, createDeadline(now() + remaining, now));
    return next();
  };
}

function createDeadline(expiresAt: number, now: () => number): RequestDeadline {
  let signal: AbortSignal | undefined;
  const remainingMs = () => Math.max(0, Math.floor(expiresAt - now()));
  return {
    expiresAt,
    remainingMs,
    // Made on first use: most requests never ask for it, and each one holds a timer.
    get signal() {
      signal ??= AbortSignal.timeout(remainingMs());
      return signal;
    },
  };
}

/**
 * The deadline the caller gave the current request, or undefined when it gave none.
 * @example const left = deadlineOf(c)?.remainingMs() ?? Number.POSITIVE_INFINITY;
 */
export function deadlineOf(c: Context): RequestDeadline | undefined {
  const deadline: unknown = c.get(variable);
  return deadline === undefined ? undefined : (deadline as RequestDeadline);
}
