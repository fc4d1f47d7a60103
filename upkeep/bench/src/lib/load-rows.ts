import type { Row } from '../figure.ts';
import { compareRow, type LoadSamples, type Target } from './compare-servers.ts';
import { micros, ms, perSecond } from './format.ts';

/**
 * The rows every loaded comparison reports: median throughput (against `throughputTarget`),
 * median p99 latency, the server's CPU time per request, and the failed requests of each side (the subject must have none).
 * @example rows.push(...loadRows('gateway /livez', load, ratioAtLeast(0.9)));
 */
export function loadRows(
  figure: string,
  load: LoadSamples,
  throughputTarget: Target,
  failureLabel = 'failed requests',
): Row[] {
  return [
    compareRow(figure, 'throughput (median)', perSecond, load.requestsPerSecond, throughputTarget),
    compareRow(figure, 'p99 latency (median)', ms, load.p99LatencyMs),
    compareRow(figure, 'CPU per request (median)', micros, load.cpuMicrosPerRequest),
    {
      figure,
      metric: failureLabel,
      subject: String(load.failures.subject),
      baseline: String(load.failures.baseline),
      target: { text: '= 0', met: load.failures.subject === 0 },
    },
  ];
}
