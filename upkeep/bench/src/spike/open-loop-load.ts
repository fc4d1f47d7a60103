import { Agent, request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Outcome, Phase, PhaseName, RequestSample } from './spike-record.ts';

/** One request the generator sends, in turn with the others. */
interface LoadRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  /** JSON text, sent with `content-type: application/json`. */
  readonly body?: string;
}

/** Options of {@link runOpenLoopLoad}. */
export interface OpenLoopLoadOptions {
  /** The server, e.g. `http://127.0.0.1:3000`. */
  readonly url: string;
  /** The steps of the load, one after the other, each at its own rate. */
  readonly steps: readonly {
    readonly name: PhaseName;
    readonly ratePerSecond: number;
    readonly durationMs: number;
  }[];
  /** Sent in turn: request n is `requests[n % requests.length]`. */
  readonly requests: readonly LoadRequest[];
  /** A request with no answer by then is given up as hung. */
  readonly clientTimeoutMs: number;
  /** The instant the run's times count from (a `performance.now()`); default: now. */
  readonly origin?: number;
}

/** What the generator sent and saw. */
export interface OpenLoopLoadResult {
  readonly phases: readonly Phase[];
  readonly samples: readonly RequestSample[];
}

/** Each request's planned send time, by step: request k of a step at `start + k / rate`. */
function schedule(steps: OpenLoopLoadOptions['steps']): {
  phases: Phase[];
  plan: { phase: PhaseName; atMs: number }[];
} {
  const phases: Phase[] = [];
  const plan: { phase: PhaseName; atMs: number }[] = [];
  let startMs = 0;
  for (const { name, ratePerSecond, durationMs } of steps) {
    const count = Math.round((ratePerSecond * durationMs) / 1000);
    for (let k = 0; k < count; k++)
      plan.push({ phase: name, atMs: startMs + (k * 1000) / ratePerSecond });
    phases.push({ name, ratePerSecond, startMs, endMs: startMs + durationMs });
    startMs += durationMs;
  }
  return { phases, plan };
}

function send(
  agent: Agent,
  url: string,
  load: LoadRequest,
  timeoutMs: number,
): Promise<{ outcome: Outcome; latencyMs: number }> {
  const sent = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ outcome, latencyMs: performance.now() - sent });
    };
    const outgoing = request(
      `${url}${load.path}`,
      {
        agent,
        method: load.method,
        headers: load.body === undefined ? {} : { 'content-type': 'application/json' },
      },
      (response) => {
        response.resume();
        response.on('end', () => {
          const type = response.headers['content-type'] ?? '';
          const problem = type.startsWith('application/problem+json');
          settle({ kind: 'answer', status: response.statusCode ?? 0, problem });
        });
        response.on('error', (error) => settle({ kind: 'error', message: error.message }));
      },
    );
    // The client's own deadline, far above the gateway's: reaching it means the request hung.
    const timer = setTimeout(() => {
      settle({ kind: 'timeout' });
      outgoing.destroy();
    }, timeoutMs);
    outgoing.on('error', (error) => settle({ kind: 'error', message: errorCode(error) }));
    outgoing.end(load.body);
  });
}

function errorCode(error: Error): string {
  return (error as NodeJS.ErrnoException).code ?? error.message;
}

/**
 * An open-loop load: requests leave on a schedule, at each step's rate, whether or not earlier
 * ones were answered, as users' requests do. A closed loop (N connections, each waiting for its
 * answer) would slow down with the server and hide a cascade. Every request is recorded: when
 * it left, how late against the schedule, how long it took and how it ended.
 * @example const { samples } = await runOpenLoopLoad({ url, steps: [{ name: 'base', ratePerSecond: 20, durationMs: 5_000 }], requests, clientTimeoutMs: 10_000 });
 */
export async function runOpenLoopLoad({
  url,
  steps,
  requests,
  clientTimeoutMs,
  origin = performance.now(),
}: OpenLoopLoadOptions): Promise<OpenLoopLoadResult> {
  const { phases, plan } = schedule(steps);
  // Keep-alive sockets are reused when free; when the server is slow, new ones open: the
  // arrival rate never waits for it.
  const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  const pending: Promise<RequestSample>[] = [];
  try {
    for (let n = 0; n < plan.length; n++) {
      const { phase, atMs } = plan[n] ?? { phase: 'base', atMs: 0 };
      const wait = origin + atMs - performance.now();
      if (wait > 1) await sleep(wait);
      const startMs = performance.now() - origin;
      const load = requests[n % requests.length];
      if (load === undefined) throw new Error('runOpenLoopLoad needs at least one request');
      pending.push(
        send(agent, url, load, clientTimeoutMs).then(({ outcome, latencyMs }) => ({
          phase,
          startMs,
          lagMs: Math.max(0, startMs - atMs),
          latencyMs,
          outcome,
        })),
      );
    }
    return { phases, samples: await Promise.all(pending) };
  } finally {
    agent.destroy();
  }
}
