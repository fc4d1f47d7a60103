import { errorMessage } from './describe-error.ts';
import type { CheckResult, HealthCheck } from './health-check.ts';
import { redactCredentials } from './redact-credentials.ts';

/**
 * Runs one check with its own timeout. On timeout the check's signal is aborted and the result
 * fails with `timed out after Nms`, whatever the check does afterwards. Never rejects.
 *
 * @example
 * const result = await runCheck(httpCheck({ name: 'orders', url }), 2000);
 */
export async function runCheck(check: HealthCheck, defaultTimeoutMs: number): Promise<CheckResult> {
  const timeoutMs = check.timeoutMs ?? defaultTimeoutMs;
  const controller = new AbortController();
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      const error = new Error(`timed out after ${timeoutMs}ms`);
      reject(error);
      controller.abort(error);
    }, timeoutMs);
  });
  try {
    // `new Promise` turns a synchronous throw inside `check` into a rejection.
    const outcome = new Promise<void>((resolve) => resolve(check.check(controller.signal)));
    await Promise.race([outcome, deadline]);
    return { name: check.name, status: 'pass', durationMs: elapsedSince(started) };
  } catch (error) {
    const message = timedOut ? `timed out after ${timeoutMs}ms` : errorMessage(error);
    return {
      name: check.name,
      status: 'fail',
      durationMs: elapsedSince(started),
      error: redactCredentials(message),
    };
  } finally {
    clearTimeout(timer);
  }
}

function elapsedSince(started: number): number {
  return Math.round(performance.now() - started);
}
