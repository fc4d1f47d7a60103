import { describe, expect, it } from 'vitest';
import { type CallPolicy, callPolicyDefaults } from '@slipway/platform-contract';
import { type CallOutcome, CircuitBreaker } from './circuit-breaker.ts';

function breakerAt(overrides: Partial<CallPolicy['breaker']> = {}) {
  let time = 0;
  const breaker = new CircuitBreaker(
    {
      ...callPolicyDefaults.breaker,
      minimumCalls: 4,
      failurePercent: 50,
      windowMs: 10_000,
      openMs: 5_000,
      ...overrides,
    },
    () => time,
  );
  const call = (outcome: CallOutcome) => {
    const permit = breaker.tryPass();
    if (permit) breaker.record(permit, outcome);
    return permit !== undefined;
  };
  const advance = (ms: number) => {
    time += ms;
  };
  return { breaker, call, advance };
}

describe('CircuitBreaker', () => {
  it('should stay closed below minimumCalls, however many of them failed', () => {
    const { breaker, call } = breakerAt();
    for (let i = 0; i < 3; i += 1) call('failure');
    expect(breaker.state).toBe('closed');
  });

  it('should open when failurePercent of the window failed, and fail calls fast while open', () => {
    const { breaker, call } = breakerAt();
    call('success');
    call('success');
    call('failure');
    expect(breaker.state).toBe('closed');
    call('failure');
    expect(breaker.state).toBe('open');
    expect(breaker.tryPass()).toBeUndefined();
  });

  it('should forget failures older than the window', () => {
    const { breaker, call, advance } = breakerAt();
    for (let i = 0; i < 3; i += 1) call('failure');
    advance(11_000);
    call('failure');
    call('success');
    expect(breaker.state).toBe('closed');
  });

  it('should half-open after openMs and let exactly one trial through', () => {
    const { breaker, call, advance } = breakerAt();
    for (let i = 0; i < 4; i += 1) call('failure');
    advance(4_999);
    expect(breaker.tryPass()).toBeUndefined();
    advance(1);
    expect(breaker.state).toBe('half-open');
    expect(breaker.tryPass()).toEqual({ trial: true });
    expect(breaker.tryPass()).toBeUndefined();
  });

  it('should close when the trial succeeds and open again when it fails', () => {
    const { breaker, call, advance } = breakerAt();
    for (let i = 0; i < 4; i += 1) call('failure');
    advance(5_000);
    call('failure');
    expect(breaker.state).toBe('open');
    advance(5_000);
    call('success');
    expect(breaker.state).toBe('closed');
    expect(call('success')).toBe(true);
  });

  it('should forget the failures that opened it once a trial closes it, early in a process', () => {
    // performance.now() starts at 0 with the process: the first window is where this shows.
    const { breaker, call, advance } = breakerAt();
    for (let i = 0; i < 4; i += 1) call('failure');
    advance(5_000);
    call('success');
    expect(breaker.state).toBe('closed');
    call('success');
    call('success');
    expect(breaker.state).toBe('closed');
  });

  it('should not count what tells nothing about the callee (the caller gave up)', () => {
    const { breaker, call } = breakerAt();
    for (let i = 0; i < 10; i += 1) call('not-counted');
    expect(breaker.state).toBe('closed');
  });

  it('should never open with failurePercent 0', () => {
    const { breaker, call } = breakerAt({ failurePercent: 0 });
    for (let i = 0; i < 100; i += 1) call('failure');
    expect(breaker.tryPass()).toBeDefined();
  });
});
