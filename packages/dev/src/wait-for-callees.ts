import { readinessPath, waitForReady } from './wait-for-ready.js';

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
}

/**
 * Waits, bounded, until each callee's `/readyz` answers 200, saying whom it waits for and what
 * came of it; resolves with the callees that were not ready in time (empty when all were).
 * @example const late = await waitForCallees({ service: 'gateway', callees: { orders: 'http://127.0.0.1:3001' }, say: console.log });
 */
export async function waitForCallees({
  service,
  callees,
  say,
  signal,
  timeoutMs = 60_000,
  intervalMs,
}: WaitForCalleesOptions): Promise<string[]> {
  const names = Object.keys(callees);
  if (names.length === 0) return [];
  say(`${service} waits for ${names.join(', ')}…`);
  const deadline = AbortSignal.timeout(timeoutMs);
  const stop = signal ? AbortSignal.any([signal, deadline]) : deadline;
  const results = await Promise.all(
    names.map(async (name) => {
      const url = `${callees[name]}${readinessPath}`;
      return { name, ready: await waitForReady({ url, signal: stop, intervalMs }) };
    }),
  );
  const late = results.filter((result) => !result.ready).map((result) => result.name);
  if (signal?.aborted) return late;
  if (late.length === 0) {
    say(`${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} ready: starting ${service}`);
  } else {
    say(
      `${late.join(', ')} did not answer ${readinessPath} with 200 within ${timeoutMs / 1000} s: ` +
        `starting ${service} anyway (its calls fail until then)`,
    );
  }
  return late;
}
