import { describe, expect, it } from 'vitest';
import {
  callPolicyDefaults,
  callPolicyVariable,
  loadSheddingVariables,
} from '@slipway/platform-contract';
import { callPolicyEnv, sheddingEnv } from './protection-env.ts';

describe('sheddingEnv', () => {
  it('should turn both bounds off (0) with protections off', () => {
    expect(sheddingEnv('off', 8)).toEqual({
      [loadSheddingVariables.maxInFlight]: '0',
      [loadSheddingVariables.maxEventLoopDelayMs]: '0',
    });
  });

  it("should leave the contract's defaults alone with protections on, but for a given bound", () => {
    expect(sheddingEnv('on')).toEqual({});
    expect(sheddingEnv('on', 8)).toEqual({ [loadSheddingVariables.maxInFlight]: '8' });
  });
});

describe('callPolicyEnv', () => {
  const policyOf = (env: Record<string, string>) =>
    JSON.parse(env[callPolicyVariable('orders')] ?? 'null');

  it("should give the contract's whole policy with protections on", () => {
    expect(policyOf(callPolicyEnv('orders', 'on'))).toEqual(callPolicyDefaults);
  });

  it('should leave calls unbounded, unretried and unbroken, with their deadline, with protections off', () => {
    const policy = policyOf(callPolicyEnv('orders', 'off'));

    expect(policy.maxConcurrent).toBe(0);
    expect(policy.retry.attempts).toBe(0);
    expect(policy.breaker.failurePercent).toBe(0);
    expect(policy.timeoutMs).toBe(callPolicyDefaults.timeoutMs);
  });
});
