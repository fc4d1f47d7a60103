/** Options of {@link waitUntil}. */
export interface WaitOptions {
  /** What is awaited, for the timeout's message. */
  readonly what: string;
  /** Give up after this long. Default: 60 s. */
  readonly timeoutMs?: number;
  /** Pause between polls. Default: 250 ms. */
  readonly intervalMs?: number;
}

/**
 * Polls `check` until it returns a value other than undefined (or false), then returns it:
 * readiness is observed, never assumed after a fixed sleep. A check that throws is retried;
 * the last error is part of the timeout's message.
 * @example const node = await waitUntil(() => kube.get(path), { what: 'node a' });
 */
export async function waitUntil<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  { what, timeoutMs = 60_000, intervalMs = 250 }: WaitOptions,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const reason = lastError instanceof Error ? `: last error: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${reason}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
