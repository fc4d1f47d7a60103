import { describe, expect, it } from 'vitest';
import { scenarioChecks, spikeChecks } from './spike-checks.ts';
import type { SpikeBounds } from './spike-plan.ts';
import type { Outcome, PhaseName, RequestSample, SpikeRecord } from './spike-record.ts';

const bounds: SpikeBounds = { failureP99Ms: 1_000, recoveryMs: 10_000, calleeMaxInFlight: 8 };
const created: Outcome = { kind: 'answer', status: 201, problem: false };
const shed: Outcome = { kind: 'answer', status: 503, problem: true };

function request(
  phase: PhaseName,
  startMs: number,
  outcome: Outcome,
  latencyMs = 50,
): RequestSample {
  return { phase, startMs, lagMs: 0, latencyMs, outcome };
}

/** A run that survived: base served, spike half shed fast, recovered at once after it. */
function survived(): SpikeRecord {
  const requests: RequestSample[] = [];
  for (let t = 0; t < 5_000; t += 100) requests.push(request('base', t, created));
  for (let t = 5_000; t < 15_000; t += 10)
    requests.push(request('spike', t, t % 20 === 0 ? created : shed, t % 20 === 0 ? 80 : 2));
  for (let t = 15_000; t < 30_000; t += 100) requests.push(request('after', t, created));
  return {
    phases: [
      { name: 'base', ratePerSecond: 10, startMs: 0, endMs: 5_000 },
      { name: 'spike', ratePerSecond: 100, startMs: 5_000, endMs: 15_000 },
      { name: 'after', ratePerSecond: 10, startMs: 15_000, endMs: 30_000 },
    ],
    requests,
    livez: [0, 1_000, 20_000].flatMap((atMs) => [
      { service: 'gateway', atMs, status: 200 },
      { service: 'orders', atMs, status: 200 },
    ]),
    calleeInFlight: [0, 5_000, 10_000].map((atMs, i) => ({ atMs, value: [1, 8, 2][i] })),
    exits: [],
  };
}

/** The checks a record fails, by name. */
const failedChecks = (record: SpikeRecord) =>
  spikeChecks(record, bounds)
    .filter((check) => !check.passed)
    .map((check) => check.name);

/** The same run with the requests of one phase changed. */
function withRequests(
  change: (request: RequestSample) => RequestSample,
  record = survived(),
): SpikeRecord {
  return { ...record, requests: record.requests.map(change) };
}

describe('spikeChecks', () => {
  it('should pass a run that shed fast and recovered at once', () => {
    expect(failedChecks(survived())).toEqual([]);
  });

  it('should fail "no process dies" when a service exited during the run', () => {
    const record = {
      ...survived(),
      exits: [{ service: 'orders', atMs: 9_000, code: null, signal: 'SIGKILL' }],
    };

    expect(failedChecks(record)).toEqual(['no process dies']);
    expect(spikeChecks(record, bounds)[0]?.detail).toContain('orders exited (SIGKILL)');
  });

  it.each([503, 'timeout', 'error'] as const)(
    'should fail the /livez check when one poll got %s',
    (status) => {
      const record = survived();
      const livez = [...record.livez, { service: 'orders', atMs: 8_000, status }];

      expect(failedChecks({ ...record, livez })).toEqual(['every /livez poll is answered 200']);
    },
  );

  it('should fail the /livez check when no poll was made', () => {
    expect(failedChecks({ ...survived(), livez: [] })).toEqual([
      'every /livez poll is answered 200',
    ]);
  });

  it.each([
    ['a 502', { kind: 'answer', status: 502, problem: true }],
    ['a 500', { kind: 'answer', status: 500, problem: true }],
    ['a 503 that is not a problem', { kind: 'answer', status: 503, problem: false }],
    ['a reset connection', { kind: 'error', message: 'ECONNRESET' }],
  ] as const)('should fail the answers check on %s during the spike', (_case, outcome) => {
    const record = withRequests((r) =>
      r.phase === 'spike' && r.startMs === 6_010 ? { ...r, outcome } : r,
    );

    expect(failedChecks(record)).toEqual(['every answer is a success or a 503/504 problem']);
  });

  it('should fail the speed check when the slowest 1 % of failures took over the bound', () => {
    const record = withRequests((r) =>
      r.phase === 'spike' &&
      r.outcome.kind === 'answer' &&
      r.outcome.status === 503 &&
      r.startMs % 1_000 === 10
        ? { ...r, latencyMs: 3_000 }
        : r,
    );

    expect(failedChecks(record)).toEqual(['failures are fast (p99 ≤ 1000 ms) and none hangs']);
  });

  it('should fail both the answers and the speed check when one request hung', () => {
    const record = withRequests((r) =>
      r.startMs === 7_010 ? { ...r, outcome: { kind: 'timeout' }, latencyMs: 10_000 } : r,
    );

    expect(failedChecks(record)).toEqual([
      'every answer is a success or a 503/504 problem',
      'failures are fast (p99 ≤ 1000 ms) and none hangs',
    ]);
  });

  it('should fail the callee check when one scrape saw more in flight than the bound', () => {
    const record = survived();
    const calleeInFlight = [...record.calleeInFlight, { atMs: 12_000, value: 9 }];

    expect(failedChecks({ ...record, calleeInFlight })).toEqual([
      'orders never works on more than 8 requests at once',
    ]);
  });

  it("should fail the callee check when orders' metrics never reported it", () => {
    const calleeInFlight = [{ atMs: 0, value: undefined }];

    expect(failedChecks({ ...survived(), calleeInFlight })).toEqual([
      'orders never works on more than 8 requests at once',
    ]);
  });

  it('should fail the recovery check when failures went on 12 s after the step down', () => {
    const record = withRequests((r) =>
      r.phase === 'after' && r.startMs < 27_000 ? { ...r, outcome: shed, latencyMs: 2 } : r,
    );

    expect(failedChecks(record)).toEqual([
      'success is back to 100 % within 10000 ms of the step down',
    ]);
  });

  it('should fail the recovery check when the last request still failed', () => {
    const record = withRequests((r) =>
      r.startMs === 29_900 ? { ...r, outcome: shed, latencyMs: 2 } : r,
    );

    expect(failedChecks(record)).toEqual([
      'success is back to 100 % within 10000 ms of the step down',
    ]);
  });

  it('should pass the recovery check when the failures stopped within the bound', () => {
    const record = withRequests((r) =>
      r.phase === 'after' && r.startMs < 20_000 ? { ...r, outcome: shed, latencyMs: 2 } : r,
    );

    expect(failedChecks(record)).toEqual([]);
  });
});

describe('scenarioChecks', () => {
  const failedScenario = (record: SpikeRecord) =>
    scenarioChecks(record)
      .filter((check) => !check.passed)
      .map((check) => check.name);

  it('should pass a run whose base was served and whose spike overloaded orders', () => {
    expect(failedScenario(survived())).toEqual([]);
  });

  it('should fail when a request of the base rate failed', () => {
    const record = withRequests((r) => (r.startMs === 100 ? { ...r, outcome: shed } : r));

    expect(failedScenario(record)).toEqual(['the base rate is served in full before the spike']);
  });

  it('should fail when every request of the spike succeeded: orders was not overloaded', () => {
    const record = withRequests((r) => (r.phase === 'spike' ? { ...r, outcome: created } : r));

    expect(failedScenario(record)).toEqual(['the spike overloads orders']);
  });
});
