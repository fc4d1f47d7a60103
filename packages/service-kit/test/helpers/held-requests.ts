/**
 * Requests whose handlers wait until the test lets them go: `hold()` is awaited by a handler,
 * `arrived(n)` resolves once n handlers are waiting, `release()` lets every one of them finish.
 * It fills a server's requests in flight without timing.
 */
export interface HeldRequests {
  hold(): Promise<void>;
  arrived(count: number): Promise<void>;
  release(): void;
}

export function heldRequests(): HeldRequests {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let count = 0;
  const watchers: { count: number; resolve: () => void }[] = [];
  return {
    hold() {
      count += 1;
      for (const watcher of watchers) if (count >= watcher.count) watcher.resolve();
      return released;
    },
    arrived(wanted) {
      if (count >= wanted) return Promise.resolve();
      return new Promise((resolve) => watchers.push({ count: wanted, resolve }));
    },
    release,
  };
}

/**
 * Polls `read` until `accept` holds, for at most `timeoutMs`: the wait for an asynchronous
 * effect (a closed connection, a refreshed reading) without a fixed sleep.
 */
export async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (performance.now() > deadline) {
      throw new Error(`still not as expected after ${timeoutMs} ms: ${JSON.stringify(value)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
