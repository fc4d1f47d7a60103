import { describe, expect, it } from 'vitest';
import { Health } from './health.ts';
import type { HealthCheck } from './health-check.ts';
import { probeStatusCode } from './probe-status-code.ts';

const passing = (name: string): HealthCheck => ({ name, check: async () => {} });
const failing = (name: string, message = 'boom'): HealthCheck => ({
  name,
  check: async () => {
    throw new Error(message);
  },
});

function deferred() {
  const { promise, resolve } = Promise.withResolvers<void>();
  return { promise, resolve: () => resolve() };
}

describe('Health', () => {
  it('answers 200 when every check passes', async () => {
    const health = new Health({ liveness: [passing('event-loop'), passing('memory')] });
    const report = await health.run('liveness');
    expect(report).toMatchObject({
      probe: 'liveness',
      status: 'pass',
      checks: [
        { name: 'event-loop', status: 'pass' },
        { name: 'memory', status: 'pass' },
      ],
    });
    expect(report.reason).toBeUndefined();
    expect(probeStatusCode(report)).toBe(200);
  });

  it('answers 503 and names the failing check when a check rejects', async () => {
    const health = new Health({
      readiness: [passing('cache'), failing('orders', 'orders said no')],
    });
    const report = await health.run('readiness');
    expect(probeStatusCode(report)).toBe(503);
    expect(report).toMatchObject({ status: 'fail', reason: 'check-failed' });
    expect(report.checks).toEqual([
      { name: 'cache', status: 'pass', durationMs: expect.any(Number) },
      { name: 'orders', status: 'fail', durationMs: expect.any(Number), error: 'orders said no' },
    ]);
  });

  it('answers 503 and names the failing check when a check times out, aborting its signal', async () => {
    let seenSignal: AbortSignal | undefined;
    const slow: HealthCheck = {
      name: 'slow-db',
      timeoutMs: 20,
      // Settles only when aborted, then resolves: a late "pass" must not turn the result around.
      check: (signal) =>
        new Promise((resolve) => {
          seenSignal = signal;
          signal.addEventListener('abort', () => resolve());
        }),
    };
    const report = await new Health({ readiness: [passing('cache'), slow] }).run('readiness');
    expect(probeStatusCode(report)).toBe(503);
    expect(report.checks[1]).toMatchObject({
      name: 'slow-db',
      status: 'fail',
      error: 'timed out after 20ms',
    });
    expect(seenSignal?.aborted).toBe(true);
  });

  it('falls back to defaultTimeoutMs for checks without their own timeout', async () => {
    const hung: HealthCheck = { name: 'hung', check: () => new Promise(() => {}) };
    const report = await new Health({ liveness: [hung], defaultTimeoutMs: 15 }).run('liveness');
    expect(report.checks[0]?.error).toBe('timed out after 15ms');
  });

  it('reports a check that throws synchronously as a failed check', async () => {
    const throwing: HealthCheck = {
      name: 'sync-thrower',
      check: () => {
        throw new Error('thrown before any promise');
      },
    };
    const report = await new Health({ liveness: [throwing] }).run('liveness');
    expect(probeStatusCode(report)).toBe(503);
    expect(report.checks[0]).toMatchObject({
      name: 'sync-thrower',
      status: 'fail',
      error: 'thrown before any promise',
    });
  });

  it('reports non-Error rejections with a readable message', async () => {
    const rejecting: HealthCheck = { name: 'odd', check: () => Promise.reject(42) };
    const report = await new Health({ liveness: [rejecting] }).run('liveness');
    expect(report.checks[0]?.error).toBe('check failed');
  });

  it('runs the checks of a probe in parallel', async () => {
    // Each check passes only once the other has started: run one after the other, both time out.
    const started = { a: deferred(), b: deferred() };
    const waitsFor = (self: 'a' | 'b', other: 'a' | 'b'): HealthCheck => ({
      name: self,
      timeoutMs: 10_000,
      check: async () => {
        started[self].resolve();
        await started[other].promise;
      },
    });
    const report = await new Health({ readiness: [waitsFor('a', 'b'), waitsFor('b', 'a')] }).run(
      'readiness',
    );
    expect(report.status).toBe('pass');
  });

  it('fails readiness with shutting-down after markShuttingDown, without running checks, while liveness passes', async () => {
    let readinessRuns = 0;
    const counted: HealthCheck = { name: 'counted', check: async () => void readinessRuns++ };
    const health = new Health({ liveness: [passing('loop')], readiness: [counted] });
    expect((await health.run('readiness')).status).toBe('pass');
    expect(health.isShuttingDown).toBe(false);

    health.markShuttingDown();

    const readiness = await health.run('readiness');
    expect(health.isShuttingDown).toBe(true);
    expect(readiness).toEqual({
      probe: 'readiness',
      status: 'fail',
      reason: 'shutting-down',
      checks: [],
    });
    expect(probeStatusCode(readiness)).toBe(503);
    expect(readinessRuns).toBe(1);
    expect(probeStatusCode(await health.run('liveness'))).toBe(200);
  });

  it('fails startup with starting until markStarted, then runs the startup checks', async () => {
    const health = new Health({ startup: [failing('migrations', 'pending')] });
    const before = await health.run('startup');
    expect(before).toEqual({ probe: 'startup', status: 'fail', reason: 'starting', checks: [] });
    expect(health.isStarted).toBe(false);

    health.markStarted();

    const after = await health.run('startup');
    expect(after).toMatchObject({
      status: 'fail',
      reason: 'check-failed',
      checks: [{ name: 'migrations', error: 'pending' }],
    });
    expect(probeStatusCode(await new Health({ startup: [] }).run('startup'))).toBe(503);
  });

  it('passes startup once started when its checks pass', async () => {
    const health = new Health({ startup: [passing('warm-cache')] });
    health.markStarted();
    expect(probeStatusCode(await health.run('startup'))).toBe(200);
  });

  it('keeps liveness at 200 when a dependency check in readiness fails', async () => {
    const downstream: HealthCheck = {
      ...failing('orders', 'connection refused'),
      dependency: true,
    };
    const health = new Health({ liveness: [passing('loop')], readiness: [downstream] });
    expect(probeStatusCode(await health.run('readiness'))).toBe(503);
    expect(probeStatusCode(await health.run('liveness'))).toBe(200);
  });

  it('refuses a dependency check in liveness, explaining the restart storm', () => {
    const downstream: HealthCheck = { ...passing('postgres'), dependency: true };
    expect(() => new Health({ liveness: [downstream] })).toThrow(
      /Liveness check 'postgres'.*restart storm/s,
    );
  });

  it.each([
    ['duplicate names', { readiness: [passing('db'), passing('db')] }, /named 'db'/],
    ['an empty name', { readiness: [passing(' ')] }, /non-empty name/],
    ['a zero timeout', { readiness: [{ ...passing('db'), timeoutMs: 0 }] }, /positive number/],
    [
      'an infinite default timeout',
      { defaultTimeoutMs: Number.POSITIVE_INFINITY },
      /positive number/,
    ],
  ])('refuses %s', (_, options, message) => {
    expect(() => new Health(options)).toThrow(message);
  });

  it('passes probes without checks (except startup before markStarted)', async () => {
    const health = new Health();
    expect((await health.run('liveness')).status).toBe('pass');
    expect((await health.run('readiness')).status).toBe('pass');
  });

  it('redacts URL credentials from the error messages of custom checks', async () => {
    const leaky = failing('leaky', 'cannot reach postgres://app:s3cr3t-sentinel@db:5432/app');
    const report = await new Health({ readiness: [leaky] }).run('readiness');
    expect(report.checks[0]?.error).toBe('cannot reach postgres://[redacted]@db:5432/app');
  });
});
