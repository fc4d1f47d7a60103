import type { CallPolicy } from '@slipway/platform-contract';

/**
 * The wait before retry `n` (0 for the first): full-jitter exponential backoff, a random wait
 * in [0, min(backoffMaxMs, backoffBaseMs·2^n)), so retries of many callers spread out instead
 * of arriving together.
 * @example backoffMs(1, policy.retry, Math.random) // somewhere in [0, 50) with the defaults
 */
export function backoffMs(
  retry: number,
  policy: CallPolicy['retry'],
  random: () => number,
): number {
  const ceiling = Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/**
 * The wait a `Retry-After` header asks for, in ms: delta-seconds or an HTTP date; undefined
 * when there is none or it cannot be read.
 * @example retryAfterMs(new Headers({ 'retry-after': '2' }), Date.now()) // 2000
 */
export function retryAfterMs(headers: Headers, wallClockNow: number): number | undefined {
  const value = headers.get('retry-after')?.trim();
  if (value === undefined || value === '') return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1_000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - wallClockNow);
}
