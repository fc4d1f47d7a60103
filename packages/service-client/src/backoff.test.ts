import { describe, expect, it } from 'vitest';
import { callPolicyDefaults } from '@slipway/platform-contract';
import { backoffMs, retryAfterMs } from './backoff.ts';

describe('backoffMs', () => {
  it.each([
    [0, 0, 0],
    [0, 0.999, 24],
    [1, 0.999, 49],
    [5, 0.999, 499],
    [9, 0.999, 499],
  ])('should wait retry %i with dice %d %i ms at most (base 25, cap 500)', (retry, dice, ms) => {
    expect(backoffMs(retry, callPolicyDefaults.retry, () => dice)).toBe(ms);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    ['2', 2_000],
    ['Thu, 01 Jan 2026 00:00:03 GMT', 3_000],
    ['Wed, 31 Dec 2025 23:59:00 GMT', 0],
    ['soon', undefined],
  ])('should read %s as %s ms', (value, ms) => {
    expect(retryAfterMs(new Headers({ 'retry-after': value }), now)).toBe(ms);
  });

  it('should be undefined without the header', () => {
    expect(retryAfterMs(new Headers(), now)).toBeUndefined();
  });
});
