import type { ProbeReport } from './health-check.ts';

/**
 * The HTTP status a probe endpoint answers with: 200 when the probe passes, 503 otherwise.
 *
 * @example
 * const report = await health.run('readiness');
 * return c.json(report, probeStatusCode(report));
 */
export function probeStatusCode(report: ProbeReport): 200 | 503 {
  return report.status === 'pass' ? 200 : 503;
}
