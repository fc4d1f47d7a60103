import type { SpikeBounds } from './spike-plan.ts';
import { isSuccess, type Outcome, type SpikeRecord } from './spike-record.ts';
import { summarizeSpike } from './spike-summary.ts';

/** One verdict on a run: what it claims, whether the run bears it out, and the evidence. */
export interface SpikeCheck {
  readonly name: string;
  readonly passed: boolean;
  readonly detail: string;
}

/** The answers a protected service may give under overload: shed (503) or out of time (504). */
const overloadStatuses = new Set([503, 504]);

function isGracefulFailure(outcome: Outcome): boolean {
  return outcome.kind === 'answer' && overloadStatuses.has(outcome.status) && outcome.problem;
}

function describe(outcome: Outcome): string {
  if (outcome.kind === 'answer')
    return `${outcome.status}${outcome.problem ? ' problem' : ' (not a problem+json)'}`;
  return outcome.kind === 'timeout' ? 'no answer (client timeout)' : `error: ${outcome.message}`;
}

function countBy(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => `${count} × ${value}`).join(', ');
}

const ms = (value: number) => `${Math.round(value)} ms`;

/**
 * Whether the run tested anything: the base rate was served in full before the spike, and the
 * spike overloaded orders (some request did not succeed). These must hold with and without
 * protections, or a passing run proves nothing and a failing control fails for the wrong reason.
 * @example expect(scenarioChecks(record).filter((check) => !check.passed)).toEqual([]);
 */
export function scenarioChecks(record: SpikeRecord): SpikeCheck[] {
  const base = record.requests.filter((request) => request.phase === 'base');
  const baseFailures = base.filter((request) => !isSuccess(request.outcome));
  const spike = record.requests.filter((request) => request.phase === 'spike');
  const spikeFailures = spike.filter((request) => !isSuccess(request.outcome));
  return [
    {
      name: 'the base rate is served in full before the spike',
      passed: base.length > 0 && baseFailures.length === 0,
      detail:
        base.length === 0
          ? 'no request was sent before the spike'
          : `${base.length - baseFailures.length} of ${base.length} succeeded${baseFailures.length > 0 ? `; ${countBy(baseFailures.map((request) => describe(request.outcome)))}` : ''}`,
    },
    {
      name: 'the spike overloads orders',
      passed: spikeFailures.length > 0,
      detail: `${spikeFailures.length} of ${spike.length} requests of the spike did not succeed`,
    },
  ];
}

/**
 * What surviving the spike means, one check per promise: no process dies; every `/livez` poll
 * is answered 200; every answer is a success or a 503/504 problem; failures are fast and none
 * hangs to the client's timeout; orders never works on more requests than its bound; success
 * is back to 100 % within the recovery bound after the step down.
 * @example const failed = spikeChecks(record, spikeBounds).filter((check) => !check.passed);
 */
export function spikeChecks(record: SpikeRecord, bounds: SpikeBounds): SpikeCheck[] {
  const summary = summarizeSpike(record);
  const unexpected = record.requests.filter(
    ({ outcome }) => !isSuccess(outcome) && !isGracefulFailure(outcome),
  );
  const failedPolls = record.livez.filter((poll) => poll.status !== 200);
  const failureP99 = summary.failureLatency?.p99;
  const inFlight = summary.calleeMaxInFlight;
  const recovery = summary.recoveryMs;
  return [
    {
      name: 'no process dies',
      passed: record.exits.length === 0,
      detail:
        record.exits.length === 0
          ? 'both processes ran to the end'
          : record.exits
              .map(
                (exit) =>
                  `${exit.service} exited (${exit.signal ?? exit.code}) at ${ms(exit.atMs)}`,
              )
              .join('; '),
    },
    {
      name: 'every /livez poll is answered 200',
      passed: record.livez.length > 0 && failedPolls.length === 0,
      detail:
        record.livez.length === 0
          ? 'no /livez poll was made'
          : `${record.livez.length - failedPolls.length} of ${record.livez.length} answered 200${failedPolls.length > 0 ? `; ${countBy(failedPolls.map((poll) => `${poll.service} ${poll.status}`))}` : ''}`,
    },
    {
      name: 'every answer is a success or a 503/504 problem',
      passed: unexpected.length === 0,
      detail:
        unexpected.length === 0
          ? `${record.requests.length} requests`
          : countBy(unexpected.map((request) => describe(request.outcome))),
    },
    {
      name: `failures are fast (p99 ≤ ${ms(bounds.failureP99Ms)}) and none hangs`,
      passed:
        summary.clientTimeouts === 0 &&
        (failureP99 === undefined || failureP99 <= bounds.failureP99Ms),
      detail: `p99 of failures ${failureP99 === undefined ? '— (none failed)' : ms(failureP99)}, ${summary.clientTimeouts} without an answer`,
    },
    {
      name: `orders never works on more than ${bounds.calleeMaxInFlight} requests at once`,
      passed: inFlight !== undefined && inFlight <= bounds.calleeMaxInFlight,
      detail:
        inFlight === undefined
          ? "orders' metrics never reported its requests in flight"
          : `at most ${inFlight} in flight over ${record.calleeInFlight.length} scrapes`,
    },
    {
      name: `success is back to 100 % within ${ms(bounds.recoveryMs)} of the step down`,
      passed: recovery !== undefined && recovery <= bounds.recoveryMs,
      detail:
        recovery === undefined
          ? 'requests were still failing when the run ended'
          : `every request sent ${ms(recovery)} after the step down and later succeeded`,
    },
  ];
}
