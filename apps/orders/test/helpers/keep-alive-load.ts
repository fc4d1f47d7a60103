import { Agent, request } from 'node:http';

/** What the load saw. */
interface LoadResult {
  readonly completed: number;
  /** Answers that were not 2xx, as `status path`. */
  readonly failedResponses: readonly string[];
  /** Requests that got no answer at all (resets, refused connections), by error code. */
  readonly socketErrors: readonly string[];
}

/** A running load; `stop()` lets each worker finish its current request. */
export interface KeepAliveLoad {
  /** Requests answered so far. */
  readonly completed: number;
  /** Resolves once `count` more requests have completed. */
  waitFor(count: number): Promise<void>;
  stop(): Promise<LoadResult>;
}

/** Options for {@link startKeepAliveLoad}. */
export interface KeepAliveLoadOptions {
  readonly port: number;
  /** Parallel clients, each sending its next request as soon as the last one is answered. */
  readonly workers: number;
  /** Upper bound on requests, so the load always ends. */
  readonly maxRequests: number;
  readonly path: string;
  readonly body: unknown;
}

/**
 * Steady POST load over keep-alive connections, as a busy client of a service sends it.
 * @example const load = startKeepAliveLoad({ port, workers: 4, maxRequests: 20_000, path: '/orders', body });
 */
export function startKeepAliveLoad({
  port,
  workers,
  maxRequests,
  path,
  body,
}: KeepAliveLoadOptions): KeepAliveLoad {
  const agent = new Agent({ keepAlive: true, maxSockets: workers });
  const payload = JSON.stringify(body);
  const failedResponses: string[] = [];
  const socketErrors: string[] = [];
  const waiters: { target: number; resolve: () => void }[] = [];
  let started = 0;
  let completed = 0;
  let stopping = false;

  const send = () =>
    new Promise<void>((resolve) => {
      const sent = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path,
          agent,
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(payload),
          },
        },
        (response) => {
          response.resume();
          response.on('end', () => {
            const status = response.statusCode ?? 0;
            if (status < 200 || status >= 300) failedResponses.push(`${status} ${path}`);
            resolve();
          });
        },
      );
      sent.on('error', (error: NodeJS.ErrnoException) => {
        socketErrors.push(error.code ?? error.message);
        resolve();
      });
      sent.end(payload);
    });

  const worker = async () => {
    while (!stopping && started < maxRequests) {
      started += 1;
      await send();
      completed += 1;
      for (const waiter of waiters.filter((w) => completed >= w.target)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  const running = Promise.all(Array.from({ length: workers }, worker));

  return {
    get completed() {
      return completed;
    },
    waitFor(count) {
      const target = completed + count;
      if (target > maxRequests) return Promise.reject(new Error('waits past maxRequests'));
      return new Promise((resolve) => waiters.push({ target, resolve }));
    },
    async stop() {
      stopping = true;
      await running;
      agent.destroy();
      return { completed, failedResponses, socketErrors };
    },
  };
}
