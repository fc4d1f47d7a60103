import { pause, probeReadiness, readinessPath } from './wait-for-ready.ts';

/** Options of {@link waitForCallees}. */
export interface WaitForCalleesOptions {
  /** The caller's name, for the messages. */
  readonly service: string;
  /** Each callee's name and the URL the caller calls it at. */
  readonly callees: Readonly<Record<string, string>>;
  /** Where the progress lines go. */
  readonly say: (line: string) => void;
  /** Stop waiting when this aborts (Ctrl-C). */
  readonly signal?: AbortSignal;
  /** How long to wait for all callees together; defaults to 60 000. */
  readonly timeoutMs?: number;
  readonly intervalMs?: number;
  /**
   * Whether something is starting the callee (a slipway-dev runs it). A callee nothing answers
   * for and that this says nobody starts is reported as not running and not waited for.
   * Defaults to always true: wait for every callee.
   */
  readonly isStarting?: (callee: string) => boolean;
  /** How long a callee may go unstarted before it counts as not running; defaults to 3 000. */
  readonly graceMs?: number;
  /** What to do about a callee that is not running, said after it; e.g. how to start it. */
  readonly hint?: (callee: string) => string;
}

/** What came of waiting: the callees that were not ready in time, and those nobody runs. */
export interface CalleesOutcome {
  readonly late: readonly string[];
  readonly notRunning: readonly string[];
}

type CalleeState = 'ready' | 'late' | 'not-running';

/**
 * Waits, bounded, until each callee's `/readyz` answers 200, saying whom it waits for and what
 * came of it. A callee that nothing answers for and nobody starts (see `isStarting`) is named
 * at once, with the `hint`, and not waited for.
 * @example const { late } = await waitForCallees({ service: 'gateway', callees: { orders: 'http://127.0.0.1:3001' }, say: console.log });
 */
export async function waitForCallees({
  service,
  callees,
  say,
  signal,
  timeoutMs = 60_000,
  intervalMs = 200,
  isStarting = () => true,
  graceMs = 3_000,
  hint,
}: WaitForCalleesOptions): Promise<CalleesOutcome> {
  const names = Object.keys(callees);
  if (names.length === 0) return { late: [], notRunning: [] };
  say(`${service} waits for ${names.join(', ')}…`);
  const deadline = AbortSignal.timeout(timeoutMs);
  const stop = signal ? AbortSignal.any([signal, deadline]) : deadline;
  // Callers and callees start together under the root's `npm run dev`: give a callee's
  // slipway-dev a moment to note itself before calling the callee not running.
  const grace = AbortSignal.timeout(graceMs);
  const states = await Promise.all(
    names.map(async (name): Promise<[string, CalleeState]> => {
      const url = `${callees[name]}${readinessPath}`;
      while (!stop.aborted) {
        const state = await probeReadiness(url, stop);
        if (state === 'ready') return [name, 'ready'];
        if (state === 'down' && grace.aborted && !isStarting(name)) {
          say(
            `${name} is not running (nothing answers at ${callees[name]})` +
              (hint ? `: ${hint(name)}` : ''),
          );
          return [name, 'not-running'];
        }
        await pause(intervalMs, stop);
      }
      return [name, 'late'];
    }),
  );
  const late = states.filter(([, state]) => state === 'late').map(([name]) => name);
  const notRunning = states.filter(([, state]) => state === 'not-running').map(([name]) => name);
  if (signal?.aborted) return { late, notRunning };
  if (late.length > 0) {
    say(
      `${late.join(', ')} did not answer ${readinessPath} with 200 within ${timeoutMs / 1000} s: ` +
        `starting ${service} anyway (its calls fail until then)`,
    );
  } else if (notRunning.length > 0) {
    say(
      `starting ${service} without ${notRunning.join(', ')} ` +
        `(its calls to ${notRunning.length === 1 ? 'it' : 'them'} fail until started)`,
    );
  } else {
    say(`${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} ready: starting ${service}`);
  }
  return { late, notRunning };
}
