import { isSuccess, type PhaseName, type RequestSample, type SpikeRecord } from './spike-record.ts';

/** p50 and p99 of some latencies, in milliseconds; undefined when there were none. */
export interface Percentiles {
  readonly p50: number;
  readonly p99: number;
}

/** The figures of one run, computed from its record alone. */
export interface SpikeSummary {
  /** Requests sent while the spike lasted. */
  readonly spikeRequests: number;
  /** Share (0–1) of the spike's requests that succeeded. */
  readonly spikeSuccessRate: number;
  /** Successes per second while the spike lasted: what orders still served. */
  readonly spikeGoodputPerSecond: number;
  /** Share (0–1) of the spike's requests answered 503 (shed, or failed fast). */
  readonly spikeShedRate: number;
  /** Over the whole run. */
  readonly successLatency: Percentiles | undefined;
  readonly failureLatency: Percentiles | undefined;
  /** Requests that got no answer within the client's timeout, over the whole run. */
  readonly clientTimeouts: number;
  /** From the step down until every later request succeeded; undefined if that never came. */
  readonly recoveryMs: number | undefined;
  /** The most requests orders had in flight at a scrape; undefined if it never reported it. */
  readonly calleeMaxInFlight: number | undefined;
  readonly livezPolls: number;
  readonly livezFailures: number;
  readonly processExits: number;
  /** p99 of how late the generator sent its requests: large values mean a starved test process. */
  readonly generatorLagP99Ms: number;
}

/**
 * The value below which `fraction` of the values lie (nearest rank); undefined for none.
 * @example percentile([1, 2, 3, 4], 0.5) // 2
 */
export function percentile(values: readonly number[], fraction: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

function percentiles(values: readonly number[]): Percentiles | undefined {
  const p50 = percentile(values, 0.5);
  const p99 = percentile(values, 0.99);
  return p50 === undefined || p99 === undefined ? undefined : { p50, p99 };
}

const inPhase = (requests: readonly RequestSample[], phase: PhaseName) =>
  requests.filter((request) => request.phase === phase);

/**
 * Milliseconds from the step down until the last failed request of the phase after it was
 * sent: every request sent later succeeded. 0 when none failed; undefined when the last one
 * failed (no recovery was seen), or the record has no step down or no request after it
 * (nothing shows a recovery).
 * @example recoveryMs(record) // 4200
 */
export function recoveryMs(record: SpikeRecord): number | undefined {
  const stepDown = record.phases.find((phase) => phase.name === 'after');
  if (stepDown === undefined) return undefined;
  const after = [...inPhase(record.requests, 'after')].sort((a, b) => a.startMs - b.startMs);
  if (after.length === 0) return undefined;
  const lastFailure = after.findLastIndex((request) => !isSuccess(request.outcome));
  if (lastFailure === -1) return 0;
  if (lastFailure === after.length - 1) return undefined;
  return Math.max(0, (after[lastFailure]?.startMs ?? 0) - stepDown.startMs);
}

/**
 * The figures of a run: success and shed rates during the spike, latencies of successes and
 * failures, recovery time, orders' most requests in flight, and the health of the processes.
 * @example const { spikeSuccessRate, recoveryMs } = summarizeSpike(record);
 */
export function summarizeSpike(record: SpikeRecord): SpikeSummary {
  const spike = inPhase(record.requests, 'spike');
  const succeeded = (requests: readonly RequestSample[]) =>
    requests.filter((request) => isSuccess(request.outcome));
  const shed = spike.filter(
    ({ outcome }) => outcome.kind === 'answer' && outcome.status === 503,
  ).length;
  const failures = record.requests.filter((request) => !isSuccess(request.outcome));
  const reported = record.calleeInFlight.flatMap((sample) =>
    sample.value === undefined ? [] : [sample.value],
  );
  const share = (count: number) => (spike.length === 0 ? 0 : count / spike.length);
  const spikePhase = record.phases.find((phase) => phase.name === 'spike');
  const spikeSeconds = spikePhase ? (spikePhase.endMs - spikePhase.startMs) / 1000 : 0;
  return {
    spikeRequests: spike.length,
    spikeSuccessRate: share(succeeded(spike).length),
    spikeGoodputPerSecond: spikeSeconds === 0 ? 0 : succeeded(spike).length / spikeSeconds,
    spikeShedRate: share(shed),
    successLatency: percentiles(succeeded(record.requests).map((request) => request.latencyMs)),
    failureLatency: percentiles(failures.map((request) => request.latencyMs)),
    clientTimeouts: record.requests.filter((request) => request.outcome.kind === 'timeout').length,
    recoveryMs: recoveryMs(record),
    calleeMaxInFlight: reported.length === 0 ? undefined : Math.max(...reported),
    livezPolls: record.livez.length,
    livezFailures: record.livez.filter((poll) => poll.status !== 200).length,
    processExits: record.exits.length,
    generatorLagP99Ms:
      percentile(
        record.requests.map((request) => request.lagMs),
        0.99,
      ) ?? 0,
  };
}
