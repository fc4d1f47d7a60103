import type { Progress, Row } from '../figure.ts';
import { type LoadRequest, runLoad } from './load.ts';
import {
  type NodeServer,
  type NodeServerOptions,
  type ProcessMemory,
  startNodeServer,
} from './node-server.ts';
import { median } from './stats.ts';

/** The two servers of a comparison: the kit's cost is the subject measured against the baseline. */
export type Side = 'baseline' | 'subject';

/** Baseline first; every measurement alternates in this order so drift hits both alike. */
export const sides: readonly Side[] = ['baseline', 'subject'];

/** What each side measured, one value per run. */
export type Samples = Readonly<Record<Side, readonly number[]>>;

/** The two servers' options. */
export type ServerPair = Readonly<Record<Side, NodeServerOptions>>;

/** Start-up time and memory right after it, one value per cold start. */
export interface ColdStarts {
  readonly startupMs: readonly number[];
  /** CPU time (user + system) the process used to get there: steadier than wall time on a busy machine. */
  readonly cpuMs: readonly number[];
  readonly rssBytes: readonly number[];
  readonly anonBytes: readonly number[];
}

/**
 * Starts each server `count` times and stops it again at once, going round the servers in
 * their order each time, so drift on the machine hits all alike. A first round is not counted:
 * it reads the scripts into the page cache.
 * @example const starts = await measureColdStarts({ baseline, subject }, 5, progress);
 */
export async function measureColdStarts<Name extends string>(
  servers: Readonly<Record<Name, NodeServerOptions>>,
  count: number,
  progress: Progress,
): Promise<Record<Name, ColdStarts>> {
  const names = Object.keys(servers) as Name[];
  type Collected = {
    startupMs: number[];
    cpuMs: number[];
    rssBytes: number[];
    anonBytes: number[];
  };
  const starts = Object.fromEntries(
    names.map((name): [Name, Collected] => [
      name,
      { startupMs: [], cpuMs: [], rssBytes: [], anonBytes: [] },
    ]),
  ) as Record<Name, Collected>;
  for (let i = 0; i <= count; i += 1) {
    for (const name of names) {
      const server = await startNodeServer(servers[name]);
      const cpuMs = server.cpuMs();
      await server.stop();
      if (i === 0) continue; // the first round only reads the scripts into the page cache
      const { rssBytes, anonBytes } = server.memoryAfterStart;
      starts[name].startupMs.push(server.startupMs);
      starts[name].cpuMs.push(cpuMs);
      starts[name].rssBytes.push(rssBytes);
      starts[name].anonBytes.push(anonBytes);
      progress(
        `cold start ${i}/${count} ${name}: ${server.startupMs.toFixed(0)} ms, ${(rssBytes / 1e6).toFixed(1)} MB`,
      );
    }
  }
  return starts;
}

/**
 * One measure of two servers' cold starts as the samples of a comparison.
 * @example compareRow(figure, 'start-up', ms, startSamples(starts.bare, starts.gateway, 'startupMs'));
 */
export function startSamples(
  baseline: ColdStarts,
  subject: ColdStarts,
  measure: keyof ColdStarts,
): Samples {
  return { baseline: baseline[measure], subject: subject[measure] };
}

/** How {@link measureLoad} loads the servers. */
export interface LoadPlan extends LoadRequest {
  /** The path loaded, e.g. `/livez`. */
  readonly path: string;
  readonly rounds: number;
  readonly durationSeconds: number;
  readonly connections: number;
}

/** Throughput, latency and failures per round, and each server's memory after all rounds. */
export interface LoadSamples<Name extends string = Side> {
  readonly requestsPerSecond: Readonly<Record<Name, readonly number[]>>;
  readonly p99LatencyMs: Readonly<Record<Name, readonly number[]>>;
  /** The server's CPU time (user + system) per answer: steadier than throughput on a busy machine. */
  readonly cpuMicrosPerRequest: Readonly<Record<Name, readonly number[]>>;
  readonly failures: Readonly<Record<Name, number>>;
  readonly memoryAfterLoad: Readonly<Record<Name, ProcessMemory>>;
}

/**
 * Starts every server, warms each up for a second, then loads them in alternating rounds (in
 * their order: baseline, subject, baseline, …) and reads their memory once every round is done.
 * @example const load = await measureLoad(pair, { path: '/livez', rounds: 3, durationSeconds: 5, connections: 10 }, progress);
 */
export async function measureLoad<Name extends string = Side>(
  servers: Readonly<Record<Name, NodeServerOptions>>,
  { path, rounds, durationSeconds, connections, ...request }: LoadPlan,
  progress: Progress,
): Promise<LoadSamples<Name>> {
  const names = Object.keys(servers) as Name[];
  const perName = <T>(make: (name: Name) => T) =>
    Object.fromEntries(names.map((name) => [name, make(name)])) as Record<Name, T>;
  const running: Partial<Record<Name, NodeServer>> = {};
  const requestsPerSecond = perName((): number[] => []);
  const p99LatencyMs = perName((): number[] => []);
  const cpuMicrosPerRequest = perName((): number[] => []);
  const failures = perName(() => 0);
  const serverOf = (name: Name) => {
    const server = running[name];
    if (!server) throw new Error(`${name} is not running`);
    return server;
  };
  try {
    for (const name of names) running[name] = await startNodeServer(servers[name]);
    const urlOf = (name: Name) => `${serverOf(name).url}${path}`;
    for (const name of names) {
      progress(`warming up ${name} (1 s)`);
      await runLoad({ ...request, url: urlOf(name), durationSeconds: 1, connections });
    }
    for (let round = 1; round <= rounds; round += 1) {
      for (const name of names) {
        const cpuBefore = serverOf(name).cpuMs();
        const result = await runLoad({
          ...request,
          url: urlOf(name),
          durationSeconds,
          connections,
        });
        const cpuMicros = (serverOf(name).cpuMs() - cpuBefore) * 1000;
        requestsPerSecond[name].push(result.requestsPerSecond);
        p99LatencyMs[name].push(result.p99LatencyMs);
        cpuMicrosPerRequest[name].push(cpuMicros / Math.max(1, result.requests));
        failures[name] += result.failures;
        progress(
          `round ${round}/${rounds} ${name}: ${Math.round(result.requestsPerSecond)} req/s, p99 ${result.p99LatencyMs.toFixed(2)} ms`,
        );
      }
    }
    const memoryAfterLoad = perName((name) => serverOf(name).memory());
    return { requestsPerSecond, p99LatencyMs, cpuMicrosPerRequest, failures, memoryAfterLoad };
  } finally {
    await Promise.all(names.map((name) => running[name]?.stop()));
  }
}

/**
 * Two of several servers' load samples as the baseline and subject of a comparison.
 * @example loadRows('kit POST ÷ Fastify', pairOf(load, 'fastify', 'kit'), ratioAtLeast(1, 'Fastify'));
 */
export function pairOf<Name extends string>(
  load: LoadSamples<Name>,
  baseline: Name,
  subject: Name,
): LoadSamples {
  const pick = <T>(values: Readonly<Record<Name, T>>): Record<Side, T> => ({
    baseline: values[baseline],
    subject: values[subject],
  });
  return {
    requestsPerSecond: pick(load.requestsPerSecond),
    p99LatencyMs: pick(load.p99LatencyMs),
    cpuMicrosPerRequest: pick(load.cpuMicrosPerRequest),
    failures: pick(load.failures),
    memoryAfterLoad: pick(load.memoryAfterLoad),
  };
}

/** A goal for a row: its wording and whether the subject's median (or the ratio) meets it. */
export interface Target {
  readonly text: string;
  met(subject: number, ratio: number): boolean;
}

/**
 * The subject at least `minimum` times the baseline, named in the text.
 * @example ratioAtLeast(0.9) // '≥ 0.90 × bare'
 * @example ratioAtLeast(1, 'Fastify') // '≥ 1.00 × Fastify'
 */
export const ratioAtLeast = (minimum: number, baseline = 'bare'): Target => ({
  text: `≥ ${minimum.toFixed(2)} × ${baseline}`,
  met: (_subject, ratio) => ratio >= minimum,
});

/**
 * The subject's median at most `maximum`, written with `format`.
 * @example atMost(120, ms) // '≤ 120 ms'
 */
export const atMost = (maximum: number, format: (value: number) => string): Target => ({
  text: `≤ ${format(maximum)}`,
  met: (subject) => subject <= maximum,
});

/**
 * The subject/baseline ratio. Samples taken in rounds (the same count on each side, baseline
 * and subject back to back) give the median of the rounds' ratios, so a burst of other work
 * during one round moves it less than a ratio of medians; otherwise the ratio of the medians.
 * @example ratioOf({ baseline: [10, 10, 10], subject: [9, 9, 2] }) === 0.9
 */
export function ratioOf(samples: Samples): number {
  const { baseline, subject } = samples;
  if (baseline.length !== subject.length || baseline.length === 0) {
    return median(subject) / median(baseline);
  }
  return median(subject.map((value, round) => value / (baseline[round] ?? Number.NaN)));
}

/**
 * One row comparing the medians of both sides, with their ratio (see {@link ratioOf}) and an
 * optional target.
 * @example compareRow('gateway /livez', 'start-up to first 200', ms, starts, atMost(120, ms));
 */
export function compareRow(
  figure: string,
  metric: string,
  format: (value: number) => string,
  samples: Samples,
  target?: Target,
): Row {
  const subject = median(samples.subject);
  const ratio = ratioOf(samples);
  return {
    figure,
    metric,
    subject: format(subject),
    baseline: format(median(samples.baseline)),
    ...(Number.isFinite(ratio) ? { ratio } : {}),
    ...(target ? { target: { text: target.text, met: target.met(subject, ratio) } } : {}),
  };
}

/**
 * The same value of each side as samples, for figures measured once (e.g. memory after load).
 * @example compareRow(figure, 'RSS after load', mb, once(load.memoryAfterLoad, (m) => m.rssBytes));
 */
export function once<T>(values: Readonly<Record<Side, T>>, pick: (value: T) => number): Samples {
  return { baseline: [pick(values.baseline)], subject: [pick(values.subject)] };
}
