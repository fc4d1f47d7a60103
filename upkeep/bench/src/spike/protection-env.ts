import {
  callPolicyDefaults,
  callPolicyVariable,
  loadSheddingVariables,
} from '@slipway/platform-contract';

/** With every protection on (the platform's defaults), or every one off: the negative control. */
export type Protections = 'on' | 'off';

/**
 * The shedding variables of a service: none with protections on (the contract's defaults
 * apply) except an explicit in-flight bound; both bounds 0 (off) with protections off.
 * @example sheddingEnv('off') // { SHED_MAX_IN_FLIGHT: '0', SHED_EVENT_LOOP_DELAY_MS: '0' }
 */
export function sheddingEnv(
  protections: Protections,
  maxInFlight?: number,
): Record<string, string> {
  if (protections === 'off')
    return {
      [loadSheddingVariables.maxInFlight]: '0',
      [loadSheddingVariables.maxEventLoopDelayMs]: '0',
    };
  return maxInFlight === undefined
    ? {}
    : { [loadSheddingVariables.maxInFlight]: String(maxInFlight) };
}

/**
 * The resolved call policy of a caller toward `callee`, as its `<CALLEE>_CALL_POLICY`
 * variable: the contract's defaults, or with protections off an unbounded number of calls, no
 * retries and no breaker. The deadline stays either way: gateway had one before any of this.
 * @example callPolicyEnv('orders', 'off') // { ORDERS_CALL_POLICY: '{"timeoutMs":3000,"maxConcurrent":0,…}' }
 */
export function callPolicyEnv(callee: string, protections: Protections): Record<string, string> {
  const policy =
    protections === 'on'
      ? callPolicyDefaults
      : {
          ...callPolicyDefaults,
          maxConcurrent: 0,
          retry: { ...callPolicyDefaults.retry, attempts: 0 },
          breaker: { ...callPolicyDefaults.breaker, failurePercent: 0 },
        };
  return { [callPolicyVariable(callee)]: JSON.stringify(policy) };
}
