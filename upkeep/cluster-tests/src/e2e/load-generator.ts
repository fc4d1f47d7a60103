import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { setTimeout as delay } from 'node:timers/promises';

/** Where the load goes: an address, and the host name the gateway routes and TLS verifies by. */
export interface LoadTarget {
  /** e.g. `https://127.0.0.1:8443` (a port-forward to the gateway's proxies). */
  readonly url: string;
  /** `Host` header and TLS server name, e.g. `gateway.e2e.slipway.test`. Default: the url's host. */
  readonly host?: string;
  /** PEM of the CA that signed the gateway's certificate. Default: the system's. */
  readonly ca?: string;
}

/** One request of the load: method, path and optional JSON body. */
export interface LoadRequest {
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
}

/** Options of {@link generateLoad}. */
export interface LoadOptions {
  readonly target: LoadTarget;
  /** Builds each request (e.g. alternately create and read an order). */
  readonly next: (index: number) => LoadRequest;
  /** The load stops when this aborts. */
  readonly signal: AbortSignal;
  /** Requests in flight at any time, each on a kept-alive connection. Default: 4. */
  readonly concurrency?: number;
  /**
   * At most this many requests a second, spread evenly over the workers' turns, e.g. to stay
   * under the gateway's per-client rate limit. Default: none, back to back.
   */
  readonly maxPerSecond?: number;
  /** A request slower than this counts as failed. Default: 10 s. */
  readonly timeoutMs?: number;
  /** Called as each 2xx answer arrives, e.g. to count the ones inside a rollout window. */
  readonly onSuccess?: () => void;
}

/** What the load saw. */
export interface LoadReport {
  readonly sent: number;
  readonly succeeded: number;
  /** Answers outside 2xx, by status code. */
  readonly failedByStatus: Readonly<Record<string, number>>;
  /** Connections reset or closed under a request (ECONNRESET, EPIPE, "socket hang up"). */
  readonly resets: number;
  /** Other errors (refused, timed out), by code. */
  readonly errors: Readonly<Record<string, number>>;
  readonly latencyMs: { readonly p50: number; readonly p99: number; readonly max: number };
}

type Outcome =
  | { kind: 'ok' }
  | { kind: 'status'; status: number }
  | { kind: 'reset' }
  | { kind: 'error'; code: string };

const resetCodes = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

function classify(error: NodeJS.ErrnoException): Outcome {
  if ((error.code && resetCodes.has(error.code)) || error.message === 'socket hang up')
    return { kind: 'reset' };
  return { kind: 'error', code: error.code ?? error.message };
}

function send(
  target: LoadTarget,
  agent: HttpAgent,
  req: LoadRequest,
  timeoutMs: number,
): Promise<Outcome> {
  const url = new URL(req.path, target.url);
  const body = req.body === undefined ? undefined : JSON.stringify(req.body);
  const secure = url.protocol === 'https:';
  const options = {
    method: req.method,
    agent,
    timeout: timeoutMs,
    headers: {
      ...(target.host ? { host: target.host } : {}),
      ...(body
        ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
        : {}),
    },
    ...(secure && target.host ? { servername: target.host } : {}),
  };
  return new Promise((resolve) => {
    const done = (outcome: Outcome) => resolve(outcome);
    const client = (secure ? httpsRequest : httpRequest)(url, options, (res) => {
      res.resume();
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        done(status >= 200 && status < 300 ? { kind: 'ok' } : { kind: 'status', status });
      });
      res.on('error', (error) => done(classify(error)));
    });
    client.on('timeout', () =>
      client.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })),
    );
    client.on('error', (error) => done(classify(error)));
    client.end(body);
  });
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/**
 * Sends requests back to back (or paced, with `maxPerSecond`) from `concurrency` workers over
 * kept-alive connections until `signal` aborts, and counts every outcome: a rolling update must show none but 2xx. Keep-alive
 * matters: a server that closes a connection while a request is on it shows up as a reset.
 * @example const report = await generateLoad({ target, next: () => ({ method: 'GET', path: '/livez' }), signal });
 */
export async function generateLoad({
  target,
  next,
  signal,
  concurrency = 4,
  maxPerSecond,
  timeoutMs = 10_000,
  onSuccess,
}: LoadOptions): Promise<LoadReport> {
  const secure = target.url.startsWith('https:');
  const agentOptions = { keepAlive: true, maxSockets: concurrency };
  const agent = secure
    ? new HttpsAgent({ ...agentOptions, ...(target.ca ? { ca: target.ca } : {}) })
    : new HttpAgent(agentOptions);
  const latencies: number[] = [];
  const failedByStatus: Record<string, number> = {};
  const errors: Record<string, number> = {};
  let sent = 0;
  let succeeded = 0;
  let resets = 0;
  // Turn n starts no earlier than n / maxPerSecond seconds after the first.
  const startedAt = performance.now();
  let turns = 0;
  const paced = async () => {
    if (!maxPerSecond) return;
    const wait = startedAt + (turns++ * 1_000) / maxPerSecond - performance.now();
    if (wait > 0) await delay(wait, undefined, { signal }).catch(() => undefined);
  };
  const worker = async () => {
    while (!signal.aborted) {
      await paced();
      if (signal.aborted) break;
      const index = sent;
      sent += 1;
      const started = performance.now();
      const outcome = await send(target, agent, next(index), timeoutMs);
      latencies.push(performance.now() - started);
      if (outcome.kind === 'ok') {
        succeeded += 1;
        onSuccess?.();
      } else if (outcome.kind === 'status')
        failedByStatus[outcome.status] = (failedByStatus[outcome.status] ?? 0) + 1;
      else if (outcome.kind === 'reset') resets += 1;
      else errors[outcome.code] = (errors[outcome.code] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n);
  return {
    sent,
    succeeded,
    failedByStatus,
    resets,
    errors,
    latencyMs: {
      p50: round(percentile(sorted, 50)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted.at(-1) ?? 0),
    },
  };
}
