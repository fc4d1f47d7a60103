import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { callPolicyDefaults, callPolicyVariable } from '@slipway/platform-contract';
import { callPolicySchema } from './call-policy.ts';

const config = z.object({ [callPolicyVariable('orders')]: callPolicySchema });
const read = (value?: string) =>
  config.safeParse(value === undefined ? {} : { [callPolicyVariable('orders')]: value });

describe('callPolicySchema', () => {
  it('should read the JSON the platform sets', () => {
    const policy = { ...callPolicyDefaults, timeoutMs: 1_500 };
    expect(read(JSON.stringify(policy)).data?.ORDERS_CALL_POLICY).toEqual(policy);
  });

  it('should fill what a hand-written override leaves out from the defaults', () => {
    const parsed = read('{"maxConcurrent":0,"breaker":{"failurePercent":0}}').data
      ?.ORDERS_CALL_POLICY;
    expect(parsed).toEqual({
      ...callPolicyDefaults,
      maxConcurrent: 0,
      breaker: { ...callPolicyDefaults.breaker, failurePercent: 0 },
    });
  });

  it('should be the defaults when the variable is unset', () => {
    expect(read().data?.ORDERS_CALL_POLICY).toEqual(callPolicyDefaults);
  });

  it.each([
    ['not JSON', 'fast please', 'must be JSON'],
    ['a misspelt field', '{"timeoutMS":100}', 'timeoutMS'],
    ['a negative bound', '{"maxConcurrent":-1}', 'must not be negative'],
  ])('should reject %s, naming the problem', (_, value, message) => {
    expect(JSON.stringify(read(value).error?.issues)).toContain(message);
  });
});
